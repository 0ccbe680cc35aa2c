import { build } from 'esbuild';

const r = await build({
  entryPoints: [process.argv[2]],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  write: false,
  metafile: true,
  outfile: '/tmp/x.mjs',
  alias: { '@aws-sdk/credential-provider-node': './infra/bundling/env-credentials.ts' },
});
const by = {};
let total = 0;
for (const [f, i] of Object.entries(Object.values(r.metafile.outputs).find((o) => o.inputs).inputs)) {
  const k = f.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, '$1').replace(/^(shared|functions)\/([^/]+)\/.*/, '$1/$2');
  by[k] = (by[k] ?? 0) + i.bytesInOutput;
  total += i.bytesInOutput;
}
console.log('total', (total / 1000).toFixed(1));
console.log(
  Object.entries(by)
    .sort((a, b) => b[1] - a[1])
    .slice(0, +(process.argv[3] ?? 20))
    .map(([k, v]) => `${(v / 1000).toFixed(1)} ${k}`)
    .join('\n'),
);
