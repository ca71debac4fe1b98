#!/bin/sh
# 编辑资料库：打开编辑台（scripts/desk.ts 启动 astro dev，在浏览器里打开 /admin/）。
# 用项目自带的 Node（scripts/launch/node.sh），不需要 PATH、管理员权限和网络。
exec sh "$(dirname "$0")/scripts/launch/node.sh" scripts/desk.ts "$@"
