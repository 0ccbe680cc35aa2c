import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON is walked freely.
type Json = any;
type Assets = Record<string, { source: { path: string } }>;

/**
 * The synthesized stack read as one template: each feature's nested stack is inlined, its
 * parameters replaced by what the parent passes in and the parent's references to its outputs by
 * the outputs' values, so a function's role, its table grant and its route read as they would in
 * a single stack. For checks and measurements; CloudFormation deploys the nested stacks.
 */
export function mergedTemplate(
  assemblyDir: string,
  templateFile: string,
  inherited?: Assets,
): { Resources: Record<string, Json>; Outputs: Record<string, Json> } {
  const read = (file: string): Json => JSON.parse(readFileSync(join(assemblyDir, file), 'utf8'));
  const parent = read(templateFile);
  // The stack's asset manifest lists its nested stacks' templates too.
  const assets: Assets = inherited ?? read(templateFile.replace(/\.template\.json$/, '.assets.json')).files;
  const resources: Record<string, Json> = {};
  const outputs = new Map<string, Record<string, Json>>();
  const inlined: { params: Record<string, Json>; resources: Record<string, Json> }[] = [];
  for (const [id, r] of Object.entries<Json>(parent.Resources)) {
    const nestedFile = r.Type === 'AWS::CloudFormation::Stack' ? nestedTemplateFile(r, assets) : undefined;
    if (!nestedFile) {
      resources[id] = r;
      continue;
    }
    const nested = mergedTemplate(assemblyDir, nestedFile, assets);
    const own = read(nestedFile);
    outputs.set(id, Object.fromEntries(Object.entries<Json>(own.Outputs ?? {}).map(([name, o]) => [name, o.Value])));
    inlined.push({ params: r.Properties.Parameters ?? {}, resources: nested.Resources });
  }
  for (const { params, resources: nestedResources } of inlined) {
    for (const [id, r] of Object.entries(nestedResources)) {
      // Each stack carries CDK's own metadata resource; one in the view is enough.
      if (r.Type === 'AWS::CDK::Metadata') continue;
      if (resources[id]) throw new Error(`logical id ${id} is used in two stacks; the merged view would hide one`);
      resources[id] = replaceRefs(r, params);
    }
  }
  // References to nested outputs, possibly through another nested stack's parameters: resolve until none is left.
  let merged = { Resources: resources, Outputs: parent.Outputs ?? {} };
  for (let pass = 0; pass < 5 && JSON.stringify(merged).includes('"Outputs.'); pass++) merged = replaceOutputs(merged, outputs);
  return merged;
}

/** A nested stack's template is an asset of its parent: its URL ends with the asset's hash. */
function nestedTemplateFile(r: Json, assets: Assets): string | undefined {
  const hash = /([0-9a-f]{64})\.json"/.exec(JSON.stringify(r.Properties.TemplateURL))?.[1];
  return r.Metadata?.['aws:asset:path'] ?? (hash ? assets[hash]?.source.path : undefined);
}

function replaceRefs(value: Json, params: Record<string, Json>): Json {
  if (Array.isArray(value)) return value.map((v) => replaceRefs(v, params));
  if (!value || typeof value !== 'object') return value;
  if (typeof value.Ref === 'string' && value.Ref in params && Object.keys(value).length === 1) return params[value.Ref];
  const join = value['Fn::Join'];
  // A reference across stacks arrives wrapped as a join of one part: the part itself, as in one stack.
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1]) && join[1].length === 1 && typeof join[1][0] === 'object') {
    return replaceRefs(join[1][0], params);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceRefs(v, params)]));
}

function replaceOutputs(value: Json, outputs: Map<string, Record<string, Json>>): Json {
  if (Array.isArray(value)) return value.map((v) => replaceOutputs(v, outputs));
  if (!value || typeof value !== 'object') return value;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && outputs.has(getAtt[0]) && String(getAtt[1]).startsWith('Outputs.')) {
    return outputs.get(getAtt[0])?.[String(getAtt[1]).slice('Outputs.'.length)];
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceOutputs(v, outputs)]));
}
