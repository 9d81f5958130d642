import Papa from 'papaparse';
import type { CiAttributeSpec, CiAttributeValue, CiClass, CiRelation, CiTargetKind, ConfigItem } from './ci-model.js';
import { CI_CLASSES, CI_CLASS_NAMES, CI_LIMITS, CI_RELATION_TYPES, CI_TARGET_KINDS, LOCATION_CLASSES } from './ci-model.js';
import { diffConfigItems } from './ci-collections.js';
import type { CiViolationCode } from './ci-validation.js';
import { checkRelation, relationKey, validateCi } from './ci-validation.js';
import { idProp } from '../schemas/json-schema.js';

/**
 * CSV import and export of CIs and of their relationships (issue 18). Parsing, checking and planning are pure so the
 * server (which writes) and the console (which shows the report) judge a file the same way; the server only loads
 * what the file names and writes the plan.
 */

/** Size bounds of one import: a file (each of the two) and its data rows. Beyond them the server answers 413. */
export const CMDB_IMPORT_LIMITS = {
  fileBytes: 4 * 1024 * 1024,
  rowsMax: 20_000,
  externalIdMax: 100,
  /** A report lists at most this many bad cells and CIs (the counts are complete). */
  reportViolationsMax: 2_000,
  reportItemsMax: 200,
} as const;

/** The HTTP endpoints of import and export. */
export const CMDB_IMPORT_PATHS = {
  dryRun: '/api/cmdb/import/dry-run',
  import: '/api/cmdb/import',
  exportCis: '/api/cmdb/export/cis.csv',
  exportRelations: '/api/cmdb/export/relations.csv',
} as const;

/** The fixed columns of the CI file; every other column is a class attribute (`serialNumber`, `os`, …). */
export const CI_CSV_COLUMNS = [
  'external_id',
  'name',
  'class',
  'status',
  'criticality',
  'owner_group',
  'location_external_id',
] as const;
/** The columns of the relationships file; `target` is a CI's external id, or a directory id for users and groups. */
export const RELATION_CSV_COLUMNS = ['source_external_id', 'type', 'target_kind', 'target'] as const;

/** Codes of the import's own checks; the rest reuse `CiViolationCode`. The UI translates `cmdbImport.code.<code>`. */
export const CSV_ONLY_VIOLATION_CODES = [
  'csv_unreadable',
  'csv_empty',
  'csv_too_large',
  'csv_too_many_rows',
  'csv_column_missing',
  'csv_column_unknown',
  'csv_column_duplicate',
  'csv_field_count',
  'csv_value_required',
  'csv_external_id_too_long',
  'csv_external_id_duplicate',
  'csv_owner_group_unknown',
  'csv_location_unknown',
  'csv_relation_source_unknown',
  'csv_relation_target_unknown',
  'csv_reference_row_invalid',
] as const;
export type CsvOnlyViolationCode = (typeof CSV_ONLY_VIOLATION_CODES)[number];
export type CsvViolationCode = CiViolationCode | CsvOnlyViolationCode;

export type CmdbCsvFile = 'cis' | 'relations';

/** One bad cell or row: which file, which line of it (1 = the header), which column, why. */
export interface CsvRowViolation {
  file: CmdbCsvFile;
  line: number;
  column: string;
  code: CsvViolationCode;
  /** English sentence naming the column and value; the UI shows its translation of `code` instead. */
  message: string;
  /** What the code's message needs: the value, the line it clashes with, the allowed values. */
  params?: Record<string, string | number>;
}

/** What the server is asked to import: either file or both (relationships may name CIs of the CI file). */
export interface CmdbImportInput {
  cis?: string;
  relations?: string;
}

interface CiRow {
  line: number;
  cells: Record<string, string>;
}

interface RelationRow {
  line: number;
  cells: Record<(typeof RELATION_CSV_COLUMNS)[number], string>;
}

/** A file read into rows, before anything is matched against the database. */
export interface ParsedCmdbImport {
  ciRows: CiRow[];
  /** Attribute columns the CI file has (the columns it does not have leave a CI's attributes as they are). */
  attributeColumns: string[];
  relationRows: RelationRow[];
  violations: CsvRowViolation[];
  /** Every external id the files name (CIs, locations, sources, CI targets): what the server loads. */
  keys: string[];
}

/** What the plan needs from the database: the live CIs the files name, and who exists in the directory. */
export interface CmdbImportContext {
  /** Live CIs whose import key (`importKeyOf`) is one of the parsed `keys`. */
  cis: readonly ConfigItem[];
  /** True when a directory entry of that kind exists (`group` also for owner groups). */
  hasParty: (kind: Exclude<CiTargetKind, 'ci'>, id: string) => boolean;
}

export interface CmdbImportOptions {
  actorId: string;
  now: number;
  /** A fresh CI id for each created CI. */
  newId: () => string;
}

/** What an import would do (dry run) or did: rows read, the bad ones, and the CIs created, changed and left alone. */
export interface CmdbImportPlan {
  violations: CsvRowViolation[];
  rows: { cis: number; relations: number };
  invalidRows: { cis: number; relations: number };
  created: ConfigItem[];
  updated: { before: ConfigItem; after: ConfigItem }[];
  unchanged: ConfigItem[];
}

/** The body of a dry run or an import: the files as text and, for an import, whether to skip the bad rows. */
export interface CmdbImportRequest extends CmdbImportInput {
  validOnly?: boolean;
}

/** One CI in a report's lists. */
export interface CmdbImportItem {
  externalId: string;
  name: string;
  ciClass: string;
}

/** What the server answers to a dry run and an import (and with a refused import's 422, as `report`). */
export interface CmdbImportReport {
  /** No bad row: the whole file can be imported. */
  valid: boolean;
  /** The changes were stored (an import that passed); false for a dry run. */
  written: boolean;
  rows: { cis: number; relations: number };
  invalidRows: { cis: number; relations: number };
  violations: CsvRowViolation[];
  /** Counts of what the valid rows create, change and leave as they are. */
  created: number;
  updated: number;
  unchanged: number;
  /** The first `CMDB_IMPORT_LIMITS.reportItemsMax` created and changed CIs, to show. */
  items: { created: CmdbImportItem[]; updated: CmdbImportItem[] };
}

/** The report of a plan, as sent to the console. */
export function importReport(plan: CmdbImportPlan, written: boolean): CmdbImportReport {
  const item = (ci: ConfigItem): CmdbImportItem => ({ externalId: importKeyOf(ci), name: ci.name, ciClass: ci.ciClass });
  const max = CMDB_IMPORT_LIMITS.reportItemsMax;
  return {
    valid: plan.violations.length === 0,
    written,
    rows: plan.rows,
    invalidRows: plan.invalidRows,
    violations: plan.violations.slice(0, CMDB_IMPORT_LIMITS.reportViolationsMax),
    created: plan.created.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged.length,
    items: { created: plan.created.slice(0, max).map(item), updated: plan.updated.slice(0, max).map((u) => item(u.after)) },
  };
}

/** The key a CI is matched on when imported: its external id, or its id for a CI made by hand (so exports round-trip). */
export function importKeyOf(ci: Pick<ConfigItem, 'id' | 'externalId'>): string {
  return ci.externalId || ci.id;
}

const ATTRIBUTE_COLUMNS: ReadonlySet<string> = new Set(CI_CLASS_NAMES.flatMap((name) => Object.keys(CI_CLASSES[name])));

// A cell starting with these is a formula to a spreadsheet: exported text gets a leading apostrophe (as papaparse's
// escapeFormulae does), and import removes it again, so hostile text is neither run by Excel nor changed by a round trip.
const FORMULA_START = /^[=+\-@\t\r']/;
const ESCAPED_FORMULA = /^'[=+\-@\t\r']/;

const escapeCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);
const unescapeCell = (value: string): string => (ESCAPED_FORMULA.test(value) ? value.slice(1) : value);

interface ReadCsv {
  header: string[];
  rows: { line: number; fields: string[] }[];
  violations: CsvRowViolation[];
}

/** Reads CSV text into records with the line each starts on (quoted cells may span lines). */
function readCsv(file: CmdbCsvFile, text: string): ReadCsv {
  const violations: CsvRowViolation[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    step: (result) => {
      const start = cursor;
      const end = result.meta.cursor;
      const fields = result.data;
      // A one-column file has no delimiter to detect: not a problem of the file.
      const errors = result.errors.filter((error) => error.code !== 'UndetectableDelimiter');
      for (const error of errors) {
        violations.push({
          file,
          line,
          column: '',
          code: 'csv_unreadable',
          message: `line ${line}: ${error.message}`,
          params: { detail: error.message },
        });
      }
      // Blank lines are skipped here rather than by papaparse, so the line count stays true; a broken one is a row.
      const blank = fields.length === 1 && fields[0].trim() === '' && errors.length === 0;
      if (!blank || records.length === 0) records.push({ line, fields: fields.map(unescapeCell) });
      for (let i = start; i < end; i += 1) if (source.charCodeAt(i) === 10) line += 1;
      cursor = end;
    },
  });
  const [head, ...rows] = records;
  const header = head ? head.fields.map((name) => name.trim()) : [];
  if (header.length === 0 || (header.length === 1 && header[0] === '')) {
    violations.push({ file, line: 1, column: '', code: 'csv_empty', message: 'The file is empty: it needs a header line.' });
    return { header: [], rows: [], violations };
  }
  if (rows.length > CMDB_IMPORT_LIMITS.rowsMax) {
    violations.push({
      file,
      line: rows[CMDB_IMPORT_LIMITS.rowsMax].line,
      column: '',
      code: 'csv_too_many_rows',
      message: `The file has ${rows.length} rows; at most ${CMDB_IMPORT_LIMITS.rowsMax} are imported at once. Split it.`,
      params: { rows: rows.length, max: CMDB_IMPORT_LIMITS.rowsMax },
    });
    return { header, rows: [], violations };
  }
  for (const row of rows) {
    if (row.fields.length !== header.length)
      violations.push({
        file,
        line: row.line,
        column: '',
        code: 'csv_field_count',
        message: `line ${row.line} has ${row.fields.length} fields; the header has ${header.length}.`,
        params: { found: row.fields.length, expected: header.length },
      });
  }
  return { header, rows, violations };
}

/** Header problems: required columns missing, unknown or repeated columns. Returns false when rows cannot be read. */
function checkHeader(
  file: CmdbCsvFile,
  header: readonly string[],
  required: readonly string[],
  known: (column: string) => boolean,
  violations: CsvRowViolation[],
): boolean {
  let usable = true;
  for (const column of required) {
    if (!header.includes(column)) {
      usable = false;
      violations.push({
        file,
        line: 1,
        column,
        code: 'csv_column_missing',
        message: `The header has no "${column}" column.`,
        params: { column },
      });
    }
  }
  header.forEach((column, index) => {
    if (header.indexOf(column) !== index) {
      usable = false;
      violations.push({
        file,
        line: 1,
        column,
        code: 'csv_column_duplicate',
        message: `The column "${column}" appears twice.`,
        params: { column },
      });
    } else if (!known(column)) {
      violations.push({
        file,
        line: 1,
        column,
        code: 'csv_column_unknown',
        message: `"${column}" is not a column of this file nor an attribute of any CI class.`,
        params: { column },
      });
    }
  });
  return usable;
}

const cellsOf = (header: readonly string[], fields: readonly string[]): Record<string, string> =>
  Object.fromEntries(header.map((column, i) => [column, (fields[i] ?? '').trim()]));

/** Reads the CI and relationship files (header, rows, formula escapes); matching and rules come in `planCmdbImport`. */
export function parseCmdbImport(input: CmdbImportInput): ParsedCmdbImport {
  const violations: CsvRowViolation[] = [];
  const keys = new Set<string>();
  let ciRows: CiRow[] = [];
  let attributeColumns: string[] = [];
  if (input.cis !== undefined) {
    const read = readCsv('cis', input.cis);
    violations.push(...read.violations);
    const fixed: readonly string[] = CI_CSV_COLUMNS;
    const known = (column: string) => fixed.includes(column) || ATTRIBUTE_COLUMNS.has(column);
    if (read.header.length > 0 && checkHeader('cis', read.header, CI_CSV_COLUMNS.slice(0, 5), known, violations)) {
      attributeColumns = read.header.filter((column) => ATTRIBUTE_COLUMNS.has(column));
      ciRows = read.rows.map((row) => ({ line: row.line, cells: cellsOf(read.header, row.fields) }));
      for (const row of ciRows) {
        if (row.cells.external_id) keys.add(row.cells.external_id);
        if (row.cells.location_external_id) keys.add(row.cells.location_external_id);
      }
    }
  }
  let relationRows: RelationRow[] = [];
  if (input.relations !== undefined) {
    const read = readCsv('relations', input.relations);
    violations.push(...read.violations);
    const fixed: readonly string[] = RELATION_CSV_COLUMNS;
    if (read.header.length > 0 && checkHeader('relations', read.header, fixed, (c) => fixed.includes(c), violations)) {
      relationRows = read.rows.map((row) => ({
        line: row.line,
        cells: cellsOf(read.header, row.fields),
      }));
      for (const row of relationRows) {
        if (row.cells.source_external_id) keys.add(row.cells.source_external_id);
        if (row.cells.target_kind === 'ci' && row.cells.target) keys.add(row.cells.target);
      }
    }
  }
  return { ciRows, attributeColumns, relationRows, violations, keys: [...keys] };
}

/** A cell converted to the attribute's type, or the violation that refuses it. */
function convertAttribute(
  column: string,
  spec: CiAttributeSpec,
  cell: string,
): { value: CiAttributeValue } | { code: CiViolationCode; message: string } {
  switch (spec.type) {
    case 'number': {
      const value = Number(cell);
      return cell !== '' && Number.isFinite(value)
        ? { value }
        : { code: 'ci_attribute_type', message: `${column} must be a number, not "${cell}"` };
    }
    case 'boolean':
      if (cell === 'true' || cell === 'false') return { value: cell === 'true' };
      return { code: 'ci_attribute_type', message: `${column} must be true or false, not "${cell}"` };
    default:
      return { value: cell };
  }
}

/** The CSV column a `validateCi` violation is about. */
function columnOf(attribute: string): string {
  if (attribute === 'ciClass') return 'class';
  if (attribute.startsWith('attributes.')) return attribute.slice('attributes.'.length);
  return attribute;
}

const isCiClassName = (name: string): name is CiClass => (CI_CLASS_NAMES as readonly string[]).includes(name);

/**
 * Judges parsed files against the database's CIs and directory: every bad row is reported (line, column, code), the
 * good rows become the CIs to create and the changes to make, matched by external id, so importing a file again
 * changes nothing. Bad rows are left out of the plan: the caller writes it only when there are no violations, or
 * when the person chose to import the valid rows only.
 */
export function planCmdbImport(parsed: ParsedCmdbImport, context: CmdbImportContext, options: CmdbImportOptions): CmdbImportPlan {
  const violations = [...parsed.violations];
  const stored = new Map(context.cis.filter((ci) => !ci.deleted).map((ci) => [importKeyOf(ci), ci]));
  const badCiLines = new Set<number>();
  const badRelationLines = new Set<number>();
  const report = (v: CsvRowViolation): void => {
    violations.push(v);
    (v.file === 'cis' ? badCiLines : badRelationLines).add(v.line);
  };
  for (const v of parsed.violations) if (v.line > 1) (v.file === 'cis' ? badCiLines : badRelationLines).add(v.line);

  // First pass: which external ids the CI file defines, and on which line (duplicates are refused).
  const firstLine = new Map<string, number>();
  const duplicateLines = new Set<number>();
  for (const row of parsed.ciRows) {
    const key = row.cells.external_id;
    if (!key) continue;
    const seen = firstLine.get(key);
    if (seen === undefined) firstLine.set(key, row.line);
    else {
      duplicateLines.add(row.line);
      report({
        file: 'cis',
        line: row.line,
        column: 'external_id',
        code: 'csv_external_id_duplicate',
        message: `external_id "${key}" is already on line ${seen}`,
        params: { value: key, other: seen },
      });
    }
  }
  // Ids of the CIs the file creates, decided before references are resolved (locations, relationships).
  const ids = new Map<string, string>();
  for (const [key] of firstLine) ids.set(key, stored.get(key)?.id ?? options.newId());
  const classOfKey = new Map<string, string>();
  for (const row of parsed.ciRows)
    if (row.cells.external_id && !duplicateLines.has(row.line)) classOfKey.set(row.cells.external_id, row.cells.class);

  // Second pass: each CI row built and checked on its own.
  const built = new Map<string, { line: number; before: ConfigItem | undefined; after: ConfigItem }>();
  const locationRefs: { line: number; key: string; ref: string }[] = [];
  for (const row of parsed.ciRows) {
    if (duplicateLines.has(row.line)) continue;
    const c = row.cells;
    const bad = (column: string, code: CsvViolationCode, message: string, params?: CsvRowViolation['params']): void =>
      report({ file: 'cis', line: row.line, column, code, message, params });
    for (const column of ['external_id', 'name', 'class', 'status', 'criticality'] as const) {
      if (!c[column])
        bad(column, column === 'name' ? 'ci_name_required' : 'csv_value_required', `${column} is required`, { column });
    }
    if (c.external_id.length > CMDB_IMPORT_LIMITS.externalIdMax)
      bad(
        'external_id',
        'csv_external_id_too_long',
        `external_id is longer than ${CMDB_IMPORT_LIMITS.externalIdMax} characters`,
        {
          max: CMDB_IMPORT_LIMITS.externalIdMax,
        },
      );
    if (c.owner_group && !context.hasParty('group', c.owner_group))
      bad('owner_group', 'csv_owner_group_unknown', `owner_group "${c.owner_group}" is not a group of the directory`, {
        value: c.owner_group,
      });
    if (!c.external_id || !c.class) continue;
    if (!isCiClassName(c.class)) {
      bad('class', 'ci_class_unknown', `class "${c.class}" is not a CI class`, { value: c.class });
      continue;
    }
    const ciClass = c.class;
    const before = stored.get(c.external_id);
    const specs: Readonly<Record<string, CiAttributeSpec>> = CI_CLASSES[ciClass];
    // A class change drops the old class's attributes; a column the file lacks leaves that attribute as it is.
    const attributes: Record<string, CiAttributeValue> = before && before.ciClass === ciClass ? { ...before.attributes } : {};
    for (const column of parsed.attributeColumns) {
      const cell = c[column] ?? '';
      const spec = specs[column];
      if (!spec) {
        if (cell !== '')
          bad(column, 'ci_attribute_unknown', `${column} is not an attribute of ${ciClass}`, { column, class: ciClass });
        continue;
      }
      if (cell === '') {
        delete attributes[column];
        continue;
      }
      const converted = convertAttribute(column, spec, cell);
      if ('value' in converted) attributes[column] = converted.value;
      else bad(column, converted.code, converted.message, { column, value: cell });
    }
    const after: ConfigItem = {
      id: ids.get(c.external_id) ?? options.newId(),
      name: c.name,
      ciClass,
      status: c.status as ConfigItem['status'],
      ownerGroupId: 'owner_group' in c ? c.owner_group : (before?.ownerGroupId ?? ''),
      locationId: before?.locationId ?? '',
      criticality: c.criticality as ConfigItem['criticality'],
      attributes,
      relations: before ? [...before.relations] : [],
      externalId: before ? before.externalId : c.external_id,
      updatedAt: options.now,
      updatedBy: options.actorId,
      deleted: false,
    };
    for (const v of validateCi(after)) {
      const column = columnOf(v.attribute);
      // Empty required cells are reported above; attribute type problems once, by the conversion.
      if (['name', 'status', 'criticality'].includes(column) && !c[column]) continue;
      bad(column, v.code, v.message, { column, value: c[column] ?? '' });
    }
    if (c.location_external_id) locationRefs.push({ line: row.line, key: c.external_id, ref: c.location_external_id });
    else if ('location_external_id' in c) after.locationId = '';
    built.set(c.external_id, { line: row.line, before, after });
  }

  // A reference to a CI of the file that is refused would point at nothing: refuse the reference too.
  const validKey = (key: string): boolean => {
    const line = firstLine.get(key);
    return line !== undefined ? !badCiLines.has(line) && built.has(key) : stored.has(key);
  };
  const classOf = (key: string): string | undefined => (firstLine.has(key) ? classOfKey.get(key) : stored.get(key)?.ciClass);
  const referenceProblem = (key: string): { code: CsvViolationCode; line?: number } | null => {
    if (validKey(key)) return null;
    const line = firstLine.get(key);
    return line !== undefined ? { code: 'csv_reference_row_invalid', line } : { code: 'csv_relation_target_unknown' };
  };
  // Locations may name CIs of the file, so they are resolved once every row is known. A refused location makes its
  // row bad, which refuses the locations that name that row in turn: a work list keeps this linear in the rows.
  const refusedLocations = new Set<number>();
  const namingKey = new Map<string, (typeof locationRefs)[number][]>();
  for (const ref of locationRefs) {
    const list = namingKey.get(ref.ref);
    if (list) list.push(ref);
    else namingKey.set(ref.ref, [ref]);
  }
  const pending = [...locationRefs];
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (refusedLocations.has(ref.line)) continue;
    const problem = referenceProblem(ref.ref);
    if (!problem && LOCATION_CLASSES.includes(classOf(ref.ref) as CiClass)) continue;
    const onLine = problem?.line;
    refusedLocations.add(ref.line);
    report({
      file: 'cis',
      line: ref.line,
      column: 'location_external_id',
      code: onLine !== undefined ? 'csv_reference_row_invalid' : 'csv_location_unknown',
      message:
        onLine !== undefined
          ? `location_external_id "${ref.ref}" is on line ${onLine}, which has errors`
          : `location_external_id "${ref.ref}" is not a site, building or room`,
      params: onLine !== undefined ? { value: ref.ref, other: onLine } : { value: ref.ref },
    });
    pending.push(...(namingKey.get(ref.key) ?? []));
  }
  for (const ref of locationRefs) {
    const entry = built.get(ref.key);
    if (entry && !badCiLines.has(ref.line)) entry.after.locationId = ids.get(ref.ref) ?? stored.get(ref.ref)?.id ?? '';
  }

  // Relationships: each row resolved, checked and added to its source CI.
  const edgeLines = new Map<string, number>();
  const addedEdges = new Map<string, CiRelation[]>();
  const ciOfKey = (key: string): ConfigItem | undefined => built.get(key)?.after ?? stored.get(key);
  for (const row of parsed.relationRows) {
    if (badRelationLines.has(row.line)) continue;
    const c = row.cells;
    const bad = (column: string, code: CsvViolationCode, message: string, params?: CsvRowViolation['params']): boolean => {
      report({ file: 'relations', line: row.line, column, code, message, params });
      return false;
    };
    let ok = true;
    for (const column of RELATION_CSV_COLUMNS)
      if (!c[column]) ok = bad(column, 'csv_value_required', `${column} is required`, { column });
    if (!ok) continue;
    if (!(CI_RELATION_TYPES as readonly string[]).includes(c.type))
      ok = bad('type', 'ci_relation_type_unknown', `type "${c.type}" must be one of: ${CI_RELATION_TYPES.join(', ')}`, {
        value: c.type,
      });
    if (!(CI_TARGET_KINDS as readonly string[]).includes(c.target_kind))
      ok = bad(
        'target_kind',
        'ci_relation_target_kind',
        `target_kind "${c.target_kind}" must be one of: ${CI_TARGET_KINDS.join(', ')}`,
        {
          value: c.target_kind,
        },
      );
    const sourceProblem = referenceProblem(c.source_external_id);
    if (sourceProblem)
      ok = bad(
        'source_external_id',
        sourceProblem.code === 'csv_reference_row_invalid' ? sourceProblem.code : 'csv_relation_source_unknown',
        sourceProblem.line !== undefined
          ? `source_external_id "${c.source_external_id}" is on line ${sourceProblem.line} of the CI file, which has errors`
          : `source_external_id "${c.source_external_id}" is not a CI of the file or the database`,
        { value: c.source_external_id, ...(sourceProblem.line !== undefined ? { other: sourceProblem.line } : {}) },
      );
    if (!ok) continue;
    const kind = c.target_kind as CiTargetKind;
    let targetId = c.target;
    if (kind === 'ci') {
      const targetProblem = referenceProblem(c.target);
      if (targetProblem) {
        bad(
          'target',
          targetProblem.code,
          targetProblem.line !== undefined
            ? `target "${c.target}" is on line ${targetProblem.line} of the CI file, which has errors`
            : `target "${c.target}" is not a CI of the file or the database`,
          { value: c.target, ...(targetProblem.line !== undefined ? { other: targetProblem.line } : {}) },
        );
        continue;
      }
      targetId = ciOfKey(c.target)?.id ?? c.target;
    } else if (kind === 'org' ? c.target.length > idProp.maxLength : !context.hasParty(kind, c.target)) {
      bad('target', 'csv_relation_target_unknown', `target "${c.target}" is not a ${kind} of the directory`, {
        value: c.target,
      });
      continue;
    }
    const source = ciOfKey(c.source_external_id);
    if (!source) continue;
    const relation: CiRelation = { type: c.type as CiRelation['type'], targetKind: kind, targetId };
    const structural = checkRelation(source.id, relation, 0);
    if (structural.length > 0) {
      for (const v of structural)
        bad(v.code === 'ci_relation_self' ? 'target' : 'target_kind', v.code, v.message.replace('relations[0]: ', ''), {
          value: v.code === 'ci_relation_self' ? c.target : c.target_kind,
        });
      continue;
    }
    const edge = `${source.id}\u0000${relationKey(relation)}`;
    const seen = edgeLines.get(edge);
    if (seen !== undefined) {
      bad('target', 'ci_relation_duplicate', `the same relationship is already on line ${seen}`, { other: seen });
      continue;
    }
    edgeLines.set(edge, row.line);
    const list = addedEdges.get(c.source_external_id) ?? [];
    list.push(relation);
    addedEdges.set(c.source_external_id, list);
  }

  // Edges join the CIs the file changes, or the stored ones it only relinks.
  const results = new Map<string, { before: ConfigItem | undefined; after: ConfigItem }>();
  for (const [key, entry] of built) if (!badCiLines.has(entry.line)) results.set(key, entry);
  for (const [key, edges] of addedEdges) {
    let entry = results.get(key);
    if (!entry) {
      const before = stored.get(key);
      if (!before) continue;
      entry = {
        before,
        after: { ...before, relations: [...before.relations], updatedAt: options.now, updatedBy: options.actorId },
      };
      results.set(key, entry);
    }
    const present = new Set(entry.after.relations.map(relationKey));
    const kept = entry.after.relations.length;
    for (const edge of edges) if (!present.has(relationKey(edge))) entry.after.relations.push(edge);
    if (entry.after.relations.length > CI_LIMITS.relationsMax) {
      // The CI itself is still imported (others may point at it), without the edges that overflow it.
      entry.after.relations.length = kept;
      const lines = edges.map((edge) => edgeLines.get(`${entry.after.id}\u0000${relationKey(edge)}`) ?? 0);
      report({
        file: 'relations',
        line: Math.max(...lines),
        column: 'source_external_id',
        code: 'ci_relations_too_many',
        message: `${key} would have more than ${CI_LIMITS.relationsMax} outgoing relationships`,
        params: { value: key, max: CI_LIMITS.relationsMax },
      });
    }
  }

  const plan: CmdbImportPlan = {
    violations: violations.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === 'cis' ? -1 : 1)),
    rows: { cis: parsed.ciRows.length, relations: parsed.relationRows.length },
    invalidRows: {
      cis: [...badCiLines].filter((l) => l > 1).length,
      relations: [...badRelationLines].filter((l) => l > 1).length,
    },
    created: [],
    updated: [],
    unchanged: [],
  };
  for (const { before, after } of results.values()) {
    if (!before) plan.created.push(after);
    else if (diffConfigItems(before, after).length === 0) plan.unchanged.push(before);
    else plan.updated.push({ before, after });
  }
  return plan;
}

const attributeText = (value: CiAttributeValue | undefined): string => (value === undefined ? '' : String(value));

const toCsv = (fields: readonly string[], rows: readonly string[][]): string =>
  Papa.unparse({ fields: [...fields], data: rows.map((row) => row.map(escapeCell)) }, { newline: '\r\n' }) + '\r\n';

/** The CI file of these CIs (deleted ones left out), in the import's format: importing it changes nothing. */
export function exportCisCsv(cis: readonly ConfigItem[]): string {
  const live = cis.filter((ci) => !ci.deleted).sort((a, b) => importKeyOf(a).localeCompare(importKeyOf(b)));
  const byId = new Map(cis.map((ci) => [ci.id, ci]));
  const classes = new Set(live.map((ci) => ci.ciClass));
  const attributeColumns = [
    ...new Set(CI_CLASS_NAMES.filter((name) => classes.has(name)).flatMap((name) => Object.keys(CI_CLASSES[name]))),
  ];
  const rows = live.map((ci) => {
    const location = ci.locationId ? byId.get(ci.locationId) : undefined;
    return [
      importKeyOf(ci),
      ci.name,
      ci.ciClass,
      ci.status,
      ci.criticality,
      ci.ownerGroupId,
      location ? importKeyOf(location) : ci.locationId,
      ...attributeColumns.map((column) => attributeText(ci.attributes[column])),
    ];
  });
  return toCsv([...CI_CSV_COLUMNS, ...attributeColumns], rows);
}

/** The relationship file of these CIs' outgoing edges; CI targets are named by their import key. */
export function exportRelationsCsv(cis: readonly ConfigItem[]): string {
  const byId = new Map(cis.map((ci) => [ci.id, ci]));
  const rows: string[][] = [];
  const live = cis.filter((ci) => !ci.deleted).sort((a, b) => importKeyOf(a).localeCompare(importKeyOf(b)));
  for (const ci of live) {
    for (const relation of ci.relations) {
      const target = relation.targetKind === 'ci' ? byId.get(relation.targetId) : undefined;
      rows.push([importKeyOf(ci), relation.type, relation.targetKind, target ? importKeyOf(target) : relation.targetId]);
    }
  }
  return toCsv(RELATION_CSV_COLUMNS, rows);
}
