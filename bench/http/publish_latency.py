#!/usr/bin/env python3
"""Publish-to-visible latency between two nodes: signs in on node A, publishes pages through the
editor form the page gives (every field of the parsed form, « Publier » clicked), and after each
acknowledged publish (the 302) polls node B's /api/search until it finds the page's unique word.
Prints p50 / p99 / max in milliseconds. Usage: publish_latency.py A_URL B_URL PASSWORD [COUNT]"""
import html.parser
import http.cookiejar
import json
import secrets
import string
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class FormParser(html.parser.HTMLParser):
    """The first <form> whose action ends with `action`: its action and its fields' current values."""

    def __init__(self, action):
        super().__init__()
        self.action, self.found, self.fields, self.inside = action, None, [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.found is None and (a.get("action") or "").endswith(self.action):
            self.found, self.inside = a["action"], True
        elif self.inside and tag in ("input", "textarea", "select") and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append((a["name"], a.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)


def form(browser, base, page, action):
    parser = FormParser(action)
    parser.feed(browser.open(base + page).read().decode())
    if parser.found is None:
        sys.exit(f"no form {action} on {page}")
    return parser


def submit(browser, base, parsed, values):
    fields = [(k, v) for k, v in parsed.fields if k not in values] + list(values.items())
    try:
        browser.open(base + parsed.found, urllib.parse.urlencode(fields).encode())
        return 200
    except urllib.error.HTTPError as e:  # 302 comes here (no redirect followed)
        return e.code


def main():
    a, b, password = sys.argv[1], sys.argv[2], sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    editor = opener()
    login = form(editor, a, "/bourgogne/admin/login", "/bourgogne/admin/login")
    if submit(editor, a, login, {"UserName": "admin", "Password": password}) != 302:
        sys.exit("sign-in refused")
    latencies = []
    for n in range(count):
        word = "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))
        page = form(editor, a, "/bourgogne/admin/contents/new/Page", "/bourgogne/admin/contents/new/Page")
        code = submit(editor, a, page, {"f.Title": f"Mesure {n} {word}", "f.Body": f"<p>{word}</p>", "submit": "publish"})
        if code != 302:
            sys.exit(f"publish {n} answered {code}")
        start = time.perf_counter()
        while True:
            with urllib.request.urlopen(f"{b}/bourgogne/api/search?q={word}") as r:
                if json.load(r)["hits"]:
                    break
            if time.perf_counter() - start > 30:
                sys.exit(f"publish {n} not visible on B after 30 s")
            time.sleep(0.005)
        latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(round(q * (len(latencies) - 1))))]
    print(f"publish on A -> found by B's search: n={count} p50 {pick(0.5):.0f} ms  p99 {pick(0.99):.0f} ms  max {latencies[-1]:.0f} ms")


if __name__ == "__main__":
    main()
