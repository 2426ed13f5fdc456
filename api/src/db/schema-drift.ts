// Compares prisma/schema.prisma with a live database built from the SQL migrations: tables,
// columns (type, nullability, default), primary keys, unique and plain indexes (with partial
// predicates) and foreign keys (with their actions). It understands the subset of the Prisma
// schema language CivicDesk uses and reports anything else as a problem rather than ignoring it.
// Used by the drift tests; `findSchemaDrift` returns human-readable differences ([] = in sync).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

export interface PrismaField {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  nativeType: string | undefined;
  attributes: string;
}

export interface PrismaModel {
  name: string;
  table: string;
  fields: PrismaField[];
  blockAttributes: string[];
}

const SCALARS = new Set([
  'String',
  'Int',
  'BigInt',
  'Boolean',
  'DateTime',
  'Float',
  'Json',
  'Decimal',
  'Bytes',
]);
const DEFAULT_UDT: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Float: 'float8',
  Json: 'jsonb',
  Decimal: 'numeric',
  Bytes: 'bytea',
};
const NATIVE_UDT: Record<string, string> = {
  Uuid: 'uuid',
  Text: 'text',
  VarChar: 'varchar',
  Char: 'bpchar',
  Timestamptz: 'timestamptz',
  Timestamp: 'timestamp',
  Date: 'date',
  Integer: 'int4',
  SmallInt: 'int2',
  BigInt: 'int8',
  DoublePrecision: 'float8',
  Real: 'float4',
  Decimal: 'numeric',
  JsonB: 'jsonb',
  Json: 'json',
  Boolean: 'bool',
  ByteA: 'bytea',
};
const FK_ACTIONS: Record<string, string> = {
  Cascade: 'c',
  Restrict: 'r',
  SetNull: 'n',
  NoAction: 'a',
  SetDefault: 'd',
};

export function parsePrismaSchema(text: string): PrismaModel[] {
  const models: PrismaModel[] = [];
  const withoutComments = text.replace(/\/\/.*$/gm, '');
  for (const match of withoutComments.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name = '', body = ''] = match;
    const fields: PrismaField[] = [];
    const blockAttributes: string[] = [];
    for (const raw of body.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      if (line.startsWith('@@')) {
        blockAttributes.push(line);
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/.exec(line);
      if (!field) throw new Error(`schema-drift: cannot parse line in model ${name}: ${line}`);
      const [, fieldName = '', type = '', modifier, attributes = ''] = field;
      fields.push({
        name: fieldName,
        column: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? fieldName,
        type,
        optional: modifier === '?',
        list: modifier === '[]',
        nativeType: /@db\.(\w+)/.exec(attributes)?.[1],
        attributes,
      });
    }
    const table = blockAttributes.map((a) => /^@@map\("([^"]+)"\)/.exec(a)?.[1]).find(Boolean) ?? name;
    models.push({ name, table, fields, blockAttributes });
  }
  return models;
}

interface Queryable {
  query(sql: string): Promise<{ rows: unknown[] }>;
}

type ColumnRow = {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: string;
  column_default: string | null;
  is_identity: string;
  datetime_precision: number | null;
};
type IndexRow = {
  table_name: string;
  index_name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
  predicate: string | null;
};
type ForeignKeyRow = {
  table_name: string;
  ref_table: string;
  columns: string[];
  ref_columns: string[];
  on_delete: string;
  on_update: string;
};

const COLUMNS_SQL = `SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable, c.column_default, c.is_identity, c.datetime_precision
  FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
  WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`;
const INDEXES_SQL = `SELECT t.relname::text AS table_name, i.relname::text AS index_name, ix.indisunique AS unique, ix.indisprimary AS primary,
    array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
    pg_get_expr(ix.indpred, ix.indrelid) AS predicate
  FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema()`;
const FOREIGN_KEYS_SQL = `SELECT src.relname::text AS table_name, dst.relname::text AS ref_table,
    array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.ord) AS columns,
    array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.ord) AS ref_columns,
    con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
  FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
  JOIN pg_namespace n ON n.oid = src.relnamespace WHERE con.contype = 'f' AND n.nspname = current_schema()`;

const normalizePredicate = (sql: string | null | undefined) =>
  (sql ?? '').replace(/["()\s]/g, '').toLowerCase();
const listArg = (text: string, key: string) =>
  (new RegExp(`${key}:\\s*\\[([^\\]]*)\\]`).exec(text)?.[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export async function findSchemaDrift(
  db: Queryable,
  schemaText = readFileSync(schemaPath, 'utf8'),
): Promise<string[]> {
  const models = parsePrismaSchema(schemaText);
  const byName = new Map(models.map((m) => [m.name, m]));
  const problems: string[] = [];
  const columns = (await db.query(COLUMNS_SQL)).rows as ColumnRow[];
  const indexes = (await db.query(INDEXES_SQL)).rows as IndexRow[];
  const foreignKeys = (await db.query(FOREIGN_KEYS_SQL)).rows as ForeignKeyRow[];

  const tables = new Set(models.map((m) => m.table));
  for (const table of new Set(columns.map((c) => c.table_name))) {
    if (!tables.has(table) && table !== '_prisma_migrations')
      problems.push(`table ${table} exists in the database but not in schema.prisma`);
  }

  for (const model of models) {
    const dbColumns = new Map(
      columns.filter((c) => c.table_name === model.table).map((c) => [c.column_name, c]),
    );
    if (dbColumns.size === 0) {
      problems.push(`model ${model.name}: table ${model.table} is missing`);
      continue;
    }
    const columnOf = (field: string) => model.fields.find((f) => f.name === field)?.column ?? `?${field}`;
    const scalars = model.fields.filter((f) => !byName.has(f.type));
    for (const field of scalars) {
      const where = `${model.name}.${field.name} (${model.table}.${field.column})`;
      if (!SCALARS.has(field.type)) {
        problems.push(`${where}: type ${field.type} is not understood by schema-drift.ts; extend it`);
        continue;
      }
      const column = dbColumns.get(field.column);
      dbColumns.delete(field.column);
      if (!column) {
        problems.push(`${where}: column is missing`);
        continue;
      }
      const native = field.nativeType === undefined ? DEFAULT_UDT[field.type] : NATIVE_UDT[field.nativeType];
      const udt = field.list ? `_${native}` : native;
      if (column.udt_name !== udt)
        problems.push(`${where}: database type ${column.udt_name}, schema expects ${udt}`);
      if (field.type === 'DateTime') {
        // Prisma's DateTime is timestamp(3); a native type without arguments means precision 6.
        const given = /@db\.\w+\((\d+)\)/.exec(field.attributes)?.[1];
        const precision = given !== undefined ? Number(given) : field.nativeType === undefined ? 3 : 6;
        if (column.datetime_precision !== precision) {
          problems.push(
            `${where}: timestamp precision ${column.datetime_precision}, schema expects ${precision}`,
          );
        }
      }
      const nullable = column.is_nullable === 'YES';
      if (nullable !== field.optional) {
        problems.push(
          `${where}: database column is ${nullable ? 'NULL' : 'NOT NULL'}, schema field is ${field.optional ? 'optional' : field.list ? 'a list (lists are NOT NULL here)' : 'required'}`,
        );
      }
      const identity = column.is_identity === 'YES';
      if (field.attributes.includes('@default(autoincrement())')) {
        if (!identity)
          problems.push(
            `${where}: @default(autoincrement()) needs a GENERATED BY DEFAULT AS IDENTITY column`,
          );
      } else if (identity) {
        problems.push(`${where}: identity column, schema has no @default(autoincrement())`);
      } else if (field.attributes.includes('@default(') !== (column.column_default !== null)) {
        problems.push(
          `${where}: database default ${column.column_default ?? 'none'}, schema ${field.attributes.includes('@default(') ? 'has' : 'has no'} @default`,
        );
      }
    }
    for (const extra of dbColumns.keys())
      problems.push(`${model.name}: column ${model.table}.${extra} is not in schema.prisma`);

    // Keys and indexes, compared as "kind(col, col) where predicate" signatures.
    const expected: string[] = [];
    const idField = scalars.find((f) => /@id\b/.test(f.attributes));
    if (idField) expected.push(`primary(${idField.column})`);
    for (const f of scalars.filter((f) => /@unique\b/.test(f.attributes)))
      expected.push(`unique(${f.column})`);
    for (const attribute of model.blockAttributes) {
      const kind = /^@@(id|unique|index)\(/.exec(attribute)?.[1];
      if (!kind) continue;
      const cols = (/\(\s*\[([^\]]*)\]/.exec(attribute)?.[1] ?? '').split(',').map((s) => columnOf(s.trim()));
      const predicate = /where:\s*raw\("([^"]*)"\)/.exec(attribute)?.[1];
      const name = { id: 'primary', unique: 'unique', index: 'index' }[kind];
      expected.push(
        `${name}(${cols.join(', ')})${predicate ? ` where ${normalizePredicate(predicate)}` : ''}`,
      );
    }
    const actual = indexes
      .filter((i) => i.table_name === model.table)
      .map(
        (i) =>
          `${i.primary ? 'primary' : i.unique ? 'unique' : 'index'}(${i.columns.join(', ')})${i.predicate ? ` where ${normalizePredicate(i.predicate)}` : ''}`,
      );
    for (const sig of expected.filter((s) => !actual.includes(s)))
      problems.push(`${model.name}: ${sig} is missing in the database`);
    for (const sig of actual.filter((s) => !expected.includes(s)))
      problems.push(`${model.name}: database has ${sig}, schema.prisma does not`);

    // Foreign keys, from relation fields that hold `fields: [...]`.
    const expectedFks: string[] = [];
    for (const field of model.fields.filter((f) => byName.has(f.type) && f.attributes.includes('fields:'))) {
      const target = byName.get(field.type) as PrismaModel;
      const fkFields = listArg(field.attributes, 'fields');
      const refs = listArg(field.attributes, 'references').map(
        (r) => target.fields.find((f) => f.name === r)?.column ?? `?${r}`,
      );
      const optional = fkFields.every((name) => model.fields.find((f) => f.name === name)?.optional);
      const onDelete = /onDelete:\s*(\w+)/.exec(field.attributes)?.[1] ?? (optional ? 'SetNull' : 'Restrict');
      const onUpdate = /onUpdate:\s*(\w+)/.exec(field.attributes)?.[1] ?? 'Cascade';
      expectedFks.push(
        `(${fkFields.map(columnOf).join(', ')}) -> ${target.table}(${refs.join(', ')}) on delete ${FK_ACTIONS[onDelete]} on update ${FK_ACTIONS[onUpdate]}`,
      );
    }
    const actualFks = foreignKeys
      .filter((fk) => fk.table_name === model.table)
      .map(
        (fk) =>
          `(${fk.columns.join(', ')}) -> ${fk.ref_table}(${fk.ref_columns.join(', ')}) on delete ${fk.on_delete} on update ${fk.on_update}`,
      );
    for (const sig of expectedFks.filter((s) => !actualFks.includes(s)))
      problems.push(`${model.name}: foreign key ${sig} is missing in the database`);
    for (const sig of actualFks.filter((s) => !expectedFks.includes(s)))
      problems.push(`${model.name}: database has foreign key ${sig}, schema.prisma does not`);
  }
  return problems;
}
