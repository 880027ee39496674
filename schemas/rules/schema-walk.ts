/**
 * Applies the structure checks (structure.ts) and the calendar check to a document by walking its
 * compiled schema type, so they follow the schema: every array, every object type, every reference's
 * `to`, every Portable Text block, wherever they are nested. Pure: the schema and a lookup of document
 * types are passed in.
 */
import type {ArraySchemaType, ObjectSchemaType, Path, ReferenceSchemaType, SchemaType} from 'sanity'

import {checkCalendarDate} from './calendar-date.ts'
import {publishedIdOf} from './singleton.ts'
import {checkItemKeys, checkItemType, checkKnownFields, checkReferenceTarget, checkSpanMarks, type ItemTypeOption} from './structure.ts'

export interface StructureProblem {
  path: Path
  message: string
}

/** The `_type` of a document by id, or undefined when it is not known (then the reference is not judged). */
export type DocumentTypeOf = (id: string) => string | undefined

/** Titles of types by name, for messages: "office", "image". */
export type TypeTitle = (typeName: string) => string

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The names of a type and the types it is made from: accessibleImage → image → object. */
export function typeChain(type: SchemaType | undefined): string[] {
  const names: string[] = []
  for (let current = type; current && !names.includes(current.name); current = current.type) names.push(current.name)
  return names
}

const titleOf = (type: SchemaType) => (type.title ?? type.name).toLowerCase()

/** The segment Sanity's validation uses for an array item: its `_key` when it has a text one, else its index. */
function itemSegment(item: unknown, index: number): Path[number] {
  const key = isPlainObject(item) ? item._key : undefined
  return typeof key === 'string' ? {_key: key} : index
}

function itemOptions(type: ArraySchemaType): ItemTypeOption[] {
  return type.of.map((member) => ({
    name: member.name,
    baseName: member.type?.name,
    jsonType: member.jsonType,
    title: typeChain(member).includes('reference')
      ? `reference to ${((member as ReferenceSchemaType).to ?? []).map(titleOf).join(' or ')}`
      : titleOf(member),
  }))
}

/** The member type Sanity's validation picks for an item: by `_type`, or by JSON type for plain values. */
function memberFor(item: unknown, type: ArraySchemaType): SchemaType | undefined {
  if (isPlainObject(item)) {
    const name = item._type
    return type.of.find((member) => member.name === name || member.type?.name === name)
  }
  return type.of.find((member) => member.jsonType === typeof item)
}

interface Walk {
  typeOf: DocumentTypeOf
  title: TypeTitle
  problems: StructureProblem[]
}

function walkReference(value: Record<string, unknown>, type: ReferenceSchemaType, path: Path, walk: Walk) {
  const ref = value._ref
  if (typeof ref !== 'string') return
  const target = walk.typeOf(ref) ?? walk.typeOf(publishedIdOf(ref))
  if (target === undefined) return
  const allowed = (type.to ?? []).map((to) => ({name: to.name, title: titleOf(to)}))
  const result = checkReferenceTarget(ref, target, allowed, walk.title(target))
  if (result !== true) walk.problems.push({path, message: result})
}

function walkBlockMarks(value: Record<string, unknown>, type: ObjectSchemaType, path: Path, walk: Walk) {
  const children = type.fields.find((field) => field.name === 'children')?.type as ArraySchemaType | undefined
  const span = children?.of.find((member) => member.name === 'span') as (SchemaType & {decorators?: {value: string}[]}) | undefined
  const decorators = (span?.decorators ?? []).map((decorator) => decorator.value)
  const markDefKeys = (Array.isArray(value.markDefs) ? value.markDefs : [])
    .map((def) => (isPlainObject(def) ? def._key : undefined))
    .filter((key): key is string => typeof key === 'string')
  if (!Array.isArray(value.children)) return
  value.children.forEach((child, index) => {
    if (!isPlainObject(child) || child._type !== 'span') return
    for (const problem of checkSpanMarks(child.marks, decorators, markDefKeys)) {
      walk.problems.push({path: [...path, 'children', itemSegment(child, index), 'marks', problem.index], message: problem.message})
    }
  })
}

function walkValue(value: unknown, type: SchemaType, path: Path, walk: Walk) {
  if (value === undefined || value === null) return
  const chain = typeChain(type)
  if (chain.includes('date') || chain.includes('datetime')) {
    const result = checkCalendarDate(value)
    if (result !== true) walk.problems.push({path, message: result})
    return
  }
  if (type.jsonType === 'object') {
    // Not an object: Sanity's own type check says what was expected.
    if (!isPlainObject(value)) return
    if (chain.includes('globalDocumentReference') || chain.includes('crossDatasetReference')) return
    if (chain.includes('reference')) {
      walkReference(value, type as ReferenceSchemaType, path, walk)
      for (const problem of checkKnownFields(value, [], 'reference')) walk.problems.push({path: [...path, problem.field], message: problem.message})
      return
    }
    const objectType = type as ObjectSchemaType
    const fields = objectType.fields ?? []
    for (const problem of checkKnownFields(value, fields.map((field) => field.name), titleOf(type))) {
      walk.problems.push({path: [...path, problem.field], message: problem.message})
    }
    if (chain.includes('block')) walkBlockMarks(value, objectType, path, walk)
    for (const field of fields) walkValue(value[field.name], field.type, [...path, field.name], walk)
    return
  }
  if (type.jsonType === 'array') {
    if (!Array.isArray(value)) return
    const arrayType = type as ArraySchemaType
    const options = itemOptions(arrayType)
    for (const problem of checkItemKeys(value)) walk.problems.push({path: [...path, problem.index], message: problem.message})
    value.forEach((item, index) => {
      const itemPath = [...path, itemSegment(item, index)]
      const result = checkItemType(item, options)
      if (result !== true) {
        walk.problems.push({path: itemPath, message: result})
        return
      }
      const member = memberFor(item, arrayType)
      if (member) walkValue(item, member, itemPath, walk)
    })
  }
}

/**
 * Problems of structure anywhere in `document`, whose schema type is `type`. References are judged
 * only when `typeOf` knows the referenced document; a missing one is another check's business.
 */
export function structureProblems(document: Record<string, unknown>, type: SchemaType, typeOf: DocumentTypeOf, title: TypeTitle): StructureProblem[] {
  const walk: Walk = {typeOf, title, problems: []}
  walkValue(document, type, [], walk)
  return walk.problems
}

/**
 * The type of an asset document from its id alone: Sanity names image assets `image-<hash>-<size>-<ext>`
 * and file assets `file-<hash>-<ext>`, so a reference to one is judged even when the asset is elsewhere.
 */
export function assetTypeOf(id: string): string | undefined {
  if (id.startsWith('image-')) return 'sanity.imageAsset'
  if (id.startsWith('file-')) return 'sanity.fileAsset'
  return undefined
}

/** Every `_ref` in a value, for fetching the referenced documents' types in one query. */
export function referencedIds(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, into)
  } else if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '_ref' && typeof child === 'string') into.add(child)
      else referencedIds(child, into)
    }
  }
  return into
}
