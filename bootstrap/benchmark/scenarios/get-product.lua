-- GET /v1/products/{id}: a random (token, product id) pair per request, read from the targets file.
local targets = {}

function init(args)
  for line in io.lines(args[1]) do
    local token, id = line:match("(%S+) (%S+)")
    targets[#targets + 1] = { token, id }
  end
end

function request()
  local target = targets[math.random(#targets)]
  return wrk.format("GET", "/v1/products/" .. target[2], { ["Authorization"] = "Bearer " .. target[1] })
end
