import { NotPrepPackPdfError, UsageError } from '../errors.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { producedByPrepPack } from '../output/prep-pack-pdf.js';
import { displayPath } from '../paths.js';
import { RECIPE_FILE_NAME } from './recipe.js';
import { recipeSchema, type Recipe } from './recipe-schema.js';

/** A form field's value as the person left it: a text field's text, a tick box's state. */
export type FieldValue = { kind: 'text'; text: string } | { kind: 'checkbox'; ticked: boolean };

export interface PrepPackPdf {
  /** The path as shown to the user. */
  shownAs: string;
  recipe: Recipe;
  /** Every form field by its full name (q-<id>.<prompt>, star-03.situation, …), in the PDF's order. */
  fields: Map<string, FieldValue>;
}

/**
 * Opens a PDF that prep-pack made and reads back its recipe and its form fields, with
 * pdf.js (through unpdf), which reads PDFs as viewers do: updated in place by a viewer
 * that saved what was typed, with fields in a parent-and-kids tree. Anything else (not a
 * PDF, a damaged one, another program's, or prep-pack's from before it carried a recipe)
 * is a NotPrepPackPdfError that says which.
 */
export async function openPrepPackPdf(path: string, cwd: string): Promise<PrepPackPdf> {
  const absolute = resolve(cwd, path);
  const shownAs = displayPath(absolute, cwd);
  const bytes = await readFile(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${shownAs}: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a folder, not a PDF' : `cannot be read (${error.code ?? error.message})`}.`);
  });
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    throw new NotPrepPackPdfError(`${shownAs} is not a PDF (it does not start with %PDF-).`);
  }
  const { getDocumentProxy } = await import('unpdf');
  // pdf.js takes the buffer over; the check above is done with it.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    throw new NotPrepPackPdfError(`${shownAs} is a damaged PDF: it cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  });
  try {
    const attachments = ((await pdf.getAttachments().catch(() => null)) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    const attached = Object.values(attachments).find((file) => file.filename === RECIPE_FILE_NAME);
    if (!attached) {
      throw new NotPrepPackPdfError(
        producedByPrepPack(bytes)
          ? `${shownAs} was made by a prep-pack too old to carry its recipe (${RECIPE_FILE_NAME}); build it again with this version.`
          : `${shownAs} was not made by prep-pack: it carries no ${RECIPE_FILE_NAME}. Only a PDF prep-pack built can be read back.`,
      );
    }
    return { shownAs, recipe: parseRecipe(shownAs, attached.content), fields: await readFields(pdf) };
  } finally {
    await pdf.destroy();
  }
}

/** prep-pack's own recipes are a few KB (100 stories of a 128 KB stories file at most). */
const LARGEST_RECIPE = 512 * 1024;

function parseRecipe(shownAs: string, content: Uint8Array): Recipe {
  if (content.byteLength > LARGEST_RECIPE) throw new NotPrepPackPdfError(`${shownAs}: its ${RECIPE_FILE_NAME} is ${Math.round(content.byteLength / 1024)} KB, more than prep-pack writes (${LARGEST_RECIPE / 1024} KB at most); it is not one of prep-pack's.`);
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(content).toString('utf8'));
  } catch {
    throw new NotPrepPackPdfError(`${shownAs}: its ${RECIPE_FILE_NAME} is damaged (not JSON).`);
  }
  const parsed = recipeSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new NotPrepPackPdfError(
      `${shownAs}: its ${RECIPE_FILE_NAME} is damaged or from another version of prep-pack (${issue.path.join('.') || 'the recipe'}: ${issue.message}).`,
    );
  }
  return parsed.data;
}

type FieldObject = { type?: string; value?: unknown; defaultValue?: unknown; kidIds?: string[]; exportValues?: unknown };

/**
 * The fields' values by full name. A field drawn as one field per ruled line is a parent
 * whose kids are named `<field>.1`, `<field>.2`, …: its value is its lines, in order,
 * joined with newlines (trailing empty lines dropped). Text prep-pack put in a field itself
 * (a story's words on its worksheet, its title in the story bank: the field's default value)
 * and left as it was is not something typed: an area counts only if one of its lines changed.
 */
async function readFields(pdf: { getFieldObjects(): Promise<Record<string, FieldObject[]> | null> }): Promise<Map<string, FieldValue>> {
  const objects = (await pdf.getFieldObjects().catch(() => null)) ?? {};
  const fields = new Map<string, FieldValue>();
  const lines = new Map<string, { line: number; text: string; changed: boolean }[]>();
  const asText = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join('\n') : '');
  for (const [name, widgets] of Object.entries(objects)) {
    const field = widgets[0];
    if (!field || !field.type) continue; // a parent: its kids are fields of their own
    if (field.type === 'checkbox') {
      fields.set(name, { kind: 'checkbox', ticked: widgets.some((widget) => typeof widget.value === 'string' && widget.value !== 'Off' && widget.value !== '') });
      continue;
    }
    const text = asText(field.value);
    const changed = text !== asText(field.defaultValue);
    const line = /^(.+)\.(\d+)$/.exec(name);
    if (field.type === 'text' && line) {
      const kept = lines.get(line[1]!) ?? [];
      kept.push({ line: Number(line[2]), text, changed });
      lines.set(line[1]!, kept);
      continue;
    }
    if (changed) fields.set(name, { kind: 'text', text: normalizeTyped(text) });
  }
  for (const [name, kids] of lines) {
    if (!kids.some((kid) => kid.changed)) continue;
    const text = kids
      .sort((a, b) => a.line - b.line)
      .map((kid) => kid.text)
      .join('\n');
    fields.set(name, { kind: 'text', text: normalizeTyped(text) });
  }
  return fields;
}

/** Viewers save line breaks as \r or \r\n; what was typed keeps its lines, without trailing blanks. */
function normalizeTyped(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}
