/**
 * Decap CMS writes a whole new YAML file on every save, without the comments an editor wrote in it
 * (the seed's header says why it has no issue facts). The save guard writes the new data into the
 * file's existing YAML document instead, node by node, so comments, key order and block styles of
 * everything the save did not remove stay as the editor left them.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

/** `value` written into the YAML text `original`, keeping its comments; `original` may be empty. */
export function updateYaml(original: string, value: unknown): string {
  // Read as a plain document: its nodes are replaced and added to, not kept as parsed.
  const doc: Document = parseDocument(original, { schema: 'core' });
  if (doc.errors.length > 0 || doc.contents === null) {
    const fresh: Document = parseDocument('', { schema: 'core' });
    fresh.contents = fresh.createNode(value);
    fresh.commentBefore = doc.commentBefore;
    return fresh.toString();
  }
  doc.contents = update(doc, doc.contents as Node, value);
  return doc.toString();
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function update(doc: Document, node: Node, value: unknown): Node {
  if (isMap(node) && isRecord(value)) {
    node.items = node.items.filter((pair) => keyOf(pair.key) in value);
    for (const [key, item] of Object.entries(value)) {
      const pair = node.items.find((p) => keyOf(p.key) === key);
      if (pair) pair.value = update(doc, pair.value as Node, item);
      else node.items.push(doc.createPair(key, item));
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items = value.map((item, i) =>
      i < node.items.length ? update(doc, node.items[i] as Node, item) : doc.createNode(item),
    );
    return node;
  }
  if (isScalar(node) && !isRecord(value) && !Array.isArray(value)) {
    node.value = value;
    return node;
  }
  const created = doc.createNode(value);
  created.commentBefore = node.commentBefore;
  created.comment = node.comment;
  return created;
}

function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
