@echo off
rem Serves dist\ at http://127.0.0.1:4321 and opens the browser; builds first if there is no site.
rem Bundled Node, no PATH, no network (scripts\launch\node.cmd says why this file is ASCII).
call "%~dp0scripts\launch\node.cmd" scripts\launch.ts preview
if errorlevel 1 pause
