-- wrk script: the mixed public workload, one path after another (PATHS: a file of paths, one a line).
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if line ~= "" then table.insert(paths, line) end
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
