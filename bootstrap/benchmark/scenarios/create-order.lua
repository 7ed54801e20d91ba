-- POST /v1/orders: one line, quantity 1, of a random (token, product id) pair from the targets file. With one
-- product in the file every order contends for the same row's stock; with many, rarely.
local targets = {}

function init(args)
  for line in io.lines(args[1]) do
    local token, id = line:match("(%S+) (%S+)")
    targets[#targets + 1] = { token, id }
  end
end

function request()
  local target = targets[math.random(#targets)]
  local body = '{"customerEmail":"bench@example.com","lines":[{"productId":"' .. target[2] .. '","quantity":1}]}'
  return wrk.format("POST", "/v1/orders",
    { ["Authorization"] = "Bearer " .. target[1], ["Content-Type"] = "application/json" }, body)
end
