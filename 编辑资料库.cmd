@echo off
rem The editors' desk: scripts/desk.ts starts astro dev and opens /admin/ in the browser.
rem Bundled Node, no PATH, no network (scripts\launch\node.cmd says why this file is ASCII).
call "%~dp0scripts\launch\node.cmd" scripts\desk.ts %*
if errorlevel 1 pause
