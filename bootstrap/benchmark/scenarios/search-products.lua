-- GET /v1/products?q=<word>: the first page of a ranked search, a random (token, word) pair per request.
local targets = {}

function init(args)
  for line in io.lines(args[1]) do
    local token, word = line:match("(%S+) (%S+)")
    targets[#targets + 1] = { token, word }
  end
end

function request()
  local target = targets[math.random(#targets)]
  return wrk.format("GET", "/v1/products?limit=20&q=" .. target[2], { ["Authorization"] = "Bearer " .. target[1] })
end
