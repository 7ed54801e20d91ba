-- POST /v1/tasks: a new task for a random organization.
local tokens = {}
local body = '{"title":"Benchmark task","description":"created under load","dueDate":"2027-01-01T00:00:00Z"}'

function init(args)
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line:match("(%S+)")
  end
end

function request()
  local token = tokens[math.random(#tokens)]
  return wrk.format("POST", "/v1/tasks",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
