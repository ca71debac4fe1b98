import { buildArchive } from '/work/wt-search/scripts/bench-search/archive.ts';
const r = buildArchive('/work/wt-search', '/work/wt-search/node_modules/.cache/zhengxie-bench-search-n10000', '/work/shared/corpus/gov-work-reports', 10000);
console.log(r);
