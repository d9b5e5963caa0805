/**
 * Markdown (evaluators' narratives) → a small, safe block structure that every renderer can print.
 * Pure. Only paragraphs, lists, and bold/italic runs survive; HTML, images, code and headings are
 * turned into plain text, so user text can never become markup in Typst, Word or HTML.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { swedishTypography } from './typography.ts';
import { decodeHtmlEntities } from '../domain/text.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | { kind: 'quote'; runs: Run[] };

interface Style {
  bold: boolean;
  italic: boolean;
}

function pushRun(out: Run[], text: string, style: Style): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && !!last.bold === style.bold && !!last.italic === style.italic) {
    last.text += text;
    return;
  }
  const run: Run = { text };
  if (style.bold) run.bold = true;
  if (style.italic) run.italic = true;
  out.push(run);
}

function inline(tokens: readonly Token[] | undefined, style: Style, out: Run[]): void {
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        inline((t as Tokens.Strong).tokens, { ...style, bold: true }, out);
        break;
      case 'em':
        inline((t as Tokens.Em).tokens, { ...style, italic: true }, out);
        break;
      case 'del':
        inline((t as Tokens.Del).tokens, style, out);
        break;
      case 'link': {
        const link = t as Tokens.Link;
        inline(link.tokens, style, out);
        const label = link.text.trim();
        if (link.href && link.href !== label && /^https?:\/\//.test(link.href)) pushRun(out, ` (${link.href})`, style);
        break;
      }
      case 'image':
        pushRun(out, (t as Tokens.Image).text, style);
        break;
      case 'br':
        pushRun(out, ' ', style);
        break;
      case 'codespan':
        pushRun(out, decodeHtmlEntities((t as Tokens.Codespan).text), style);
        break;
      case 'html':
        // Tags are dropped; their text content is kept.
        pushRun(out, decodeHtmlEntities((t as Tokens.HTML).text.replace(/<[^>]*>/g, '')), style);
        break;
      case 'text': {
        const tt = t as Tokens.Text;
        if (tt.tokens && tt.tokens.length > 0) inline(tt.tokens, style, out);
        else pushRun(out, decodeHtmlEntities(tt.text), style);
        break;
      }
      case 'escape':
        pushRun(out, (t as Tokens.Escape).text, style);
        break;
      default:
        pushRun(out, decodeHtmlEntities('text' in t && typeof t.text === 'string' ? t.text : t.raw), style);
    }
  }
}

function finishRuns(runs: Run[]): Run[] {
  const cleaned = runs
    .map((r) => ({ ...r, text: swedishTypography(r.text.replace(/\s+/g, ' ')) }))
    .filter((r) => r.text.length > 0);
  const first = cleaned[0];
  if (first) first.text = first.text.replace(/^ /, '');
  const last = cleaned[cleaned.length - 1];
  if (last) last.text = last.text.replace(/ $/, '');
  return cleaned.filter((r) => r.text.length > 0);
}

function runsOf(tokens: readonly Token[] | undefined): Run[] {
  const out: Run[] = [];
  inline(tokens, { bold: false, italic: false }, out);
  return finishRuns(out);
}

function blocks(tokens: readonly Token[], out: Block[]): void {
  for (const t of tokens) {
    switch (t.type) {
      case 'paragraph': {
        const runs = runsOf((t as Tokens.Paragraph).tokens);
        if (runs.length) out.push({ kind: 'paragraph', runs });
        break;
      }
      case 'heading': {
        // Headings inside a narrative would break the report's outline: printed as a bold line.
        const runs = runsOf((t as Tokens.Heading).tokens).map((r) => ({ ...r, bold: true }));
        if (runs.length) out.push({ kind: 'paragraph', runs });
        break;
      }
      case 'list': {
        const list = t as Tokens.List;
        const items = list.items
          .map((item) => {
            const runs: Run[] = [];
            for (const child of item.tokens) {
              if (child.type === 'list') {
                // Nested lists are flattened into the item text.
                for (const sub of (child as Tokens.List).items) {
                  pushRun(runs, ' – ', { bold: false, italic: false });
                  inline(sub.tokens.flatMap((x) => ('tokens' in x && Array.isArray(x.tokens) ? (x.tokens as Token[]) : [x])), { bold: false, italic: false }, runs);
                }
              } else if ('tokens' in child && Array.isArray(child.tokens)) {
                if (runs.length) pushRun(runs, ' ', { bold: false, italic: false });
                inline(child.tokens as Token[], { bold: false, italic: false }, runs);
              } else if ('text' in child && typeof child.text === 'string') {
                pushRun(runs, child.text, { bold: false, italic: false });
              }
            }
            return finishRuns(runs);
          })
          .filter((r) => r.length > 0);
        if (items.length) out.push({ kind: 'list', ordered: list.ordered, items });
        break;
      }
      case 'blockquote': {
        const inner: Block[] = [];
        blocks((t as Tokens.Blockquote).tokens, inner);
        for (const b of inner) out.push(b.kind === 'paragraph' ? { kind: 'quote', runs: b.runs } : b);
        break;
      }
      case 'code': {
        const text = (t as Tokens.Code).text;
        for (const line of text.split(/\n{2,}/)) {
          const runs = finishRuns([{ text: line }]);
          if (runs.length) out.push({ kind: 'paragraph', runs });
        }
        break;
      }
      case 'table': {
        const table = t as Tokens.Table;
        const rows = [table.header, ...table.rows];
        for (const row of rows) {
          const runs: Run[] = [];
          row.forEach((cell, i) => {
            if (i > 0) pushRun(runs, ' · ', { bold: false, italic: false });
            inline(cell.tokens, { bold: false, italic: false }, runs);
          });
          const done = finishRuns(runs);
          if (done.length) out.push({ kind: 'paragraph', runs: done });
        }
        break;
      }
      case 'html': {
        const text = decodeHtmlEntities((t as Tokens.HTML).text.replace(/<[^>]*>/g, ' '));
        const runs = finishRuns([{ text }]);
        if (runs.length) out.push({ kind: 'paragraph', runs });
        break;
      }
      case 'space':
      case 'hr':
      case 'def':
        break;
      default: {
        const runs = finishRuns([{ text: decodeHtmlEntities(t.raw) }]);
        if (runs.length) out.push({ kind: 'paragraph', runs });
      }
    }
  }
}

/** Converts Markdown to report blocks. Empty or whitespace-only input gives no blocks. */
export function markdownToBlocks(markdown: string): Block[] {
  if (!markdown.trim()) return [];
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const out: Block[] = [];
  blocks(tokens, out);
  return out;
}

/** Plain text paragraphs (no Markdown) → blocks, for texts such as framework.about. */
export function plainToBlocks(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => finishRuns([{ text: p }]))
    .filter((runs) => runs.length > 0)
    .map((runs) => ({ kind: 'paragraph' as const, runs }));
}

export function blocksToText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'list' ? b.items.map((i) => `• ${i.map((r) => r.text).join('')}`).join('\n') : b.runs.map((r) => r.text).join('')))
    .join('\n\n');
}
