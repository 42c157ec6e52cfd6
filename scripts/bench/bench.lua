-- One page under load. Each request goes out as the next signed-in person of the sessions
-- file (one "cookie<TAB>csrf" line each), so the load is spread over many users and their
-- sessions, not one. Without a sessions file the request is anonymous.
local path = os.getenv("BENCH_PATH") or "/"
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
local file = os.getenv("BENCH_SESSIONS") or ""
local sessions = {}
local next_one = 0

function init(args)
	if file ~= "" then
		for line in io.lines(file) do
			local cookie, csrf = line:match("^([^\t]+)\t(.*)$")
			if cookie then
				table.insert(sessions, { cookie = cookie, csrf = csrf })
			end
		end
	end
	math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
	next_one = (#sessions > 0) and math.random(#sessions) or 0
end

function request()
	local headers = {}
	local payload = nil
	if #sessions > 0 then
		next_one = next_one % #sessions + 1
		local s = sessions[next_one]
		headers["Cookie"] = s.cookie
		if method == "POST" then
			headers["Content-Type"] = "application/x-www-form-urlencoded"
			payload = body .. "&_csrf=" .. s.csrf
		end
	end
	return wrk.format(method, path, headers, payload)
end
