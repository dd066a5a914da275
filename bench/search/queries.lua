-- wrk script: rotate through the benchmark queries (one per line, "#" comments, name=value filters).
local queries = {}
local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for line in io.lines(os.getenv("QUERIES") or "bench/search/queries.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then
    local words, filters = {}, {}
    for part in line:gmatch("%S+") do
      local name, value = part:match("^(%a+)=(.+)$")
      if name then table.insert(filters, name .. "=" .. encode(value)) else table.insert(words, part) end
    end
    local path = "?q=" .. encode(table.concat(words, " "))
    if #filters > 0 then path = path .. "&" .. table.concat(filters, "&") end
    table.insert(queries, path)
  end
end
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", wrk.path .. queries[i])
end
