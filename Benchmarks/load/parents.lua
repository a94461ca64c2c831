-- wrk script: concurrent parents each posting every page of the form, the last one "send".
-- Pages are interleaved over a block of parents, so a parent's pages are sent one round apart
-- (as a parent clicks "next"); a 303 to /thanks is an acknowledged submission, its code is logged.
-- MODE=onepage: each parent posts the complete one-page form once to /s/CODE/all.
local plan = dofile(os.getenv("PLAN") or "plan.lua")
local ackFile = os.getenv("ACKS") or "acks.txt"
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  thread:set("nthreads", tonumber(os.getenv("THREADS") or "2"))
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  block = tonumber(os.getenv("BLOCK") or "32")
  onepage = os.getenv("MODE") == "onepage"
  npages = #plan.pages
  step = 0
  acks, redirects, conflicts, other = 0, 0, 0, 0
  log = io.open(ackFile .. "." .. id, "a")
end

-- Parents are taken in blocks of `block`; thread `id` uses every nthreads-th block.
function request()
  if onepage then
    -- Thread `id` takes parents id+1, id+1+nthreads, ...: every parent once.
    local parent = step * nthreads + id + 1
    step = step + 1
    if parent > #plan.codes then
      return wrk.format("GET", "/static/app.css")
    end
    return wrk.format("POST", "/s/" .. plan.codes[parent] .. "/all",
      { ["Content-Type"] = "application/x-www-form-urlencoded" }, plan.all)
  end
  local perBlock = block * npages
  local blockIndex = math.floor(step / perBlock) * nthreads + id
  local within = step % perBlock
  local page = math.floor(within / block) + 1
  local parent = blockIndex * block + (within % block) + 1
  step = step + 1
  if parent > #plan.codes then
    return wrk.format("GET", "/static/app.css")
  end
  return wrk.format("POST", "/s/" .. plan.codes[parent],
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, plan.pages[page])
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"]
  if status == 303 and location and string.find(location, "/thanks", 1, true) then
    acks = acks + 1
    log:write(string.match(location, "/s/(%w+)/thanks"), "\n")
    log:flush()
  elseif status == 303 then
    redirects = redirects + 1
  elseif status == 409 then
    -- A page that started from an older version of the response than the one stored (the parent's
    -- previous page was still being saved): refused, nothing undone.
    conflicts = conflicts + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, r, c, o = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("acks"); r = r + t:get("redirects"); c = c + t:get("conflicts"); o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("complete submissions (thank-you): %d in %.1f s = %.0f per second\n", a, seconds, a / seconds))
  io.write(string.format("page saves (303 to next page): %d; stale saves refused (409): %d; other responses: %d\n", r, c, o))
  io.write(string.format("latency per request: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
