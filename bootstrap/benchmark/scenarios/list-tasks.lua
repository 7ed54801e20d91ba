-- GET /v1/tasks?limit=20: the first page of a random organization's tasks.
local tokens = {}

function init(args)
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line:match("(%S+)")
  end
end

function request()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", "/v1/tasks?limit=20", { ["Authorization"] = "Bearer " .. token })
end
