#!/bin/sh
# 预览网站：在 http://127.0.0.1:4321 提供 dist/ 并打开浏览器；还没有生成过网站时先生成。
# 用项目自带的 Node（scripts/launch/node.sh），不需要 PATH、管理员权限和网络。
exec sh "$(dirname "$0")/scripts/launch/node.sh" scripts/launch.ts preview
