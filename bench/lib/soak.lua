-- Soak traffic for bench/run.sh --soak: cycles through the measured pages (the entitled one with the reader's
-- cookie), each connection pausing between requests so the total stays near the asked rate. wrk has no open-loop
-- mode (wrk2 is not packaged here): a slow response delays that connection's next request, so latency under
-- overload is understated (coordinated omission); the achieved rate is reported next to the asked one.
-- Arguments after --: PAGES_FILE (lines "path<TAB>cookie-or-empty") RATE CONNECTIONS

local pages = {}
local pause_ms = 0
local next_page = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t?(.*)$")
    local headers = {}
    if cookie ~= nil and cookie ~= "" then headers["Cookie"] = cookie end
    pages[#pages + 1] = wrk.format("GET", path, headers)
  end
  pause_ms = math.floor(1000 * tonumber(args[3]) / tonumber(args[2]))
  next_page = math.random(#pages)
end

function delay()
  return pause_ms
end

function request()
  next_page = next_page % #pages + 1
  return pages[next_page]
end
