/**
 * Step 7b — link repair: a link the model cannot hold (a bidi mark or zero-width joiner in its
 * host, any target `new URL` refuses) never rejects the report. Invisible format characters
 * are removed from the target, keeping the printed text; a target still invalid becomes plain
 * text. Either way a warning names the line.
 */
import type { DraftDiagnostic } from './draft.ts';
import type { Block, Inline, Note } from '../model/schema.ts';

/** Zero-width and bidi format characters (ZWSP…RLM, LRE…RLO, WJ…, LRI…PDI, BOM). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The target as the model accepts it (absolute http/https URL), or undefined. */
function valid(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return /^https?:$/.test(new URL(url).protocol) ? url : undefined;
}

function repair(content: Inline[], line: number, diagnostics: DraftDiagnostic[]): Inline[] {
  if (!content.some((c) => c.type === 'link' && !valid(c.url))) return content;
  const out: Inline[] = [];
  for (const c of content) {
    if (c.type !== 'link' || valid(c.url)) {
      out.push(c);
      continue;
    }
    const cleaned = valid(c.url.replace(INVISIBLE, ''));
    if (cleaned) {
      diagnostics.push({
        code: 'link-repaired',
        line,
        message: `link ${JSON.stringify(c.text.slice(0, 80))} had invisible characters in its address; they were removed from the link target`,
      });
      out.push({ ...c, url: cleaned });
    } else {
      diagnostics.push({ code: 'link-invalid', line, message: `link ${JSON.stringify(c.text.slice(0, 80))} is not a valid address; kept as text` });
      const last = out.at(-1);
      if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + c.text };
      else out.push({ type: 'text', value: c.text });
    }
  }
  return out;
}

/** The model with every invalid link repaired or turned into text; warnings added to `diagnostics`. */
export function repairLinks<T extends { blocks: Block[]; notes: Note[]; diagnostics: DraftDiagnostic[] }>(model: T): T {
  const diagnostics = [...model.diagnostics];
  const blocks = model.blocks.map((b): Block => {
    if (b.type === 'list') return { ...b, items: b.items.map((item) => ({ ...item, content: repair(item.content, item.line, diagnostics) })) };
    if (b.type === 'figure') return b;
    return { ...b, content: repair(b.content, b.line, diagnostics) };
  });
  const notes = model.notes.map((n) => ({ ...n, content: repair(n.content, n.line, diagnostics) }));
  return { ...model, blocks, notes, diagnostics };
}
