@echo off
rem Imports the sources and builds the site into dist\, then says where it is (scripts/launch.ts).
rem Bundled Node, no PATH, no network (scripts\launch\node.cmd says why this file is ASCII).
call "%~dp0scripts\launch\node.cmd" scripts\launch.ts build
rem Double-clicked, the window would close before the message could be read.
pause
