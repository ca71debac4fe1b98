/**
 * Packages that only a prebuilt browser bundle was made from. The desk serves decap-cms's
 * self-contained dist/decap-cms.js to the browser as a file; the packages decap-cms declares (React,
 * the CMS app's sources, their loaders: about 650, over 200 MB) are what that bundle was built from,
 * and nothing loads them. Read from package-lock.json, not listed by hand: a package stays when the
 * project's run-time dependencies reach it without passing through a bundle's own dependencies.
 */
import type { LockEntry, Lockfile } from './native-packages.ts';

/** Packages used only for their prebuilt browser bundle (see scripts/integrations/desk.ts). */
export const PREBUILT_BUNDLES = ['decap-cms'];

/** Where Node finds `name` from the package at `from` (a lock-file location): nearest node_modules up. */
function resolveFrom(lock: Lockfile, from: string, name: string): string | undefined {
  for (let at = from; ;) {
    const candidate = `${at ? `${at}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!at) return undefined;
    const parent = at.lastIndexOf('/node_modules/');
    at = parent >= 0 ? at.slice(0, parent) : '';
  }
}

function runtimeDependencies(location: string, entry: LockEntry): string[] {
  const declared = { ...entry.dependencies, ...entry.optionalDependencies };
  // A package's peers are installed for it; the project's own peers are not its dependencies.
  return Object.keys(location ? { ...declared, ...entry.peerDependencies } : declared);
}

/** Lock-file locations of the installed run-time packages that nothing reaches but a bundle's own dependencies. */
export function bundleOnlyPackages(lock: Lockfile, bundles = PREBUILT_BUNDLES): string[] {
  const leaves = new Set(bundles.map((name) => `node_modules/${name}`));
  const reached = new Set<string>();
  const stack = [''];
  for (let location = stack.pop(); location !== undefined; location = stack.pop()) {
    if (reached.has(location)) continue;
    reached.add(location);
    const entry = lock.packages[location];
    if (!entry || leaves.has(location)) continue;
    for (const name of runtimeDependencies(location, entry)) {
      const found = resolveFrom(lock, location, name);
      if (found && !lock.packages[found].dev) stack.push(found);
    }
  }
  return Object.entries(lock.packages)
    .filter(([location, entry]) => location && !entry.dev && !reached.has(location))
    .map(([location]) => location);
}
