#!/bin/sh
# 生成网站：导入材料，把网站构建到 dist/，然后说明 dist/ 在哪里。
# 用项目自带的 Node（scripts/launch/node.sh），不需要 PATH、管理员权限和网络。
exec sh "$(dirname "$0")/scripts/launch/node.sh" scripts/launch.ts build
