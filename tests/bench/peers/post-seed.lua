-- wrk script: POSTs one SOAP request, the same body on every request, with the HTTP headers
-- of its SOAP version. Server-agnostic (soapgen-bench-server, gsoap-bench-server, ...).
--
--   BODY_FILE=req.xml SOAP_VERSION=1.1 wrk -s post-seed.lua URL
--   wrk -s post-seed.lua URL -- req.xml 1.2
--
-- SOAP 1.1: Content-Type text/xml + a quoted SOAPAction header; SOAP 1.2: the action is a
-- parameter of Content-Type application/soap+xml (and there is no SOAPAction header).
-- SOAP_ACTION overrides the action (default: the seed's ChangeBackupAccountEmail).

function init(args)
  local path = args[1] or os.getenv("BODY_FILE")
  local version = args[2] or os.getenv("SOAP_VERSION") or "1.1"
  local action = os.getenv("SOAP_ACTION") or "sosonlinebackup.com/ChangeBackupAccountEmail"
  if not path then
    error("post-seed.lua: give the body file as BODY_FILE or as the first argument after --")
  end
  local f = assert(io.open(path, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  if version == "1.1" then
    wrk.headers["Content-Type"] = "text/xml; charset=utf-8"
    wrk.headers["SOAPAction"] = '"' .. action .. '"'
  elseif version == "1.2" then
    wrk.headers["Content-Type"] = 'application/soap+xml; charset=utf-8; action="' .. action .. '"'
  else
    error("post-seed.lua: SOAP version must be 1.1 or 1.2, not " .. version)
  end
end
