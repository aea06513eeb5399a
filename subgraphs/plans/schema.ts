import { gql } from 'graphql-tag';

/** The plans subgraph: administrative units over time, the unit-year entity, and the plan registry. */
export const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

  enum UnitLevel {
    PROVINCE
    DISTRICT
    COMMUNE
  }

  """
  An administrative unit as it existed over a validity interval. Codes are reused across the
  1 July 2025 reorganisation (56 is Khánh Hòa before and after it absorbed Ninh Thuận), so the
  identity is \`id\` (code@validFrom), and \`code\` is an ordinary field.
  """
  type AdministrativeUnit @key(fields: "id") {
    "Code and first day of validity, e.g. 56@2025-07-01; 'origin' when in force before the period covered."
    id: ID!
    "Official unit code (mã đơn vị hành chính)."
    code: String!
    "Official Vietnamese name, with diacritics."
    name: String!
    level: UnitLevel!
    "First day in force (ISO date); null when in force before the period the reference data covers."
    validFrom: String
    "Last day in force (ISO date, inclusive); null while in force."
    validTo: String
    "False when the reference data marks a fact about this unit as unconfirmed (see notes)."
    confirmed: Boolean!
    "Caveats from the reference data, verbatim."
    notes: String
    parent: AdministrativeUnit
    "Districts under a province (before 1 July 2025), where the registry holds them."
    children: [AdministrativeUnit!]!
    "Units merged (or renamed) into this one on its first day."
    predecessors: [AdministrativeUnit!]!
    "The unit this one merged (or was renamed) into, the day after it ceased."
    successors: [AdministrativeUnit!]!
    "This unit's figures for one calendar year; before a merger, its predecessors' records."
    year(year: Int!): UnitYear
    "Consecutive years, for time series."
    years(from: Int!, to: Int!): [UnitYear!]!
    "Plans this unit issued; with includePredecessors, also those of the units merged into it."
    plans(includePredecessors: Boolean = false): [Plan!]!
  }

  "One unit and one calendar year. Each source subgraph contributes its statistics."
  type UnitYear @key(fields: "unitId year") {
    unitId: ID!
    year: Int!
    unit: AdministrativeUnit!
    "Whose records make up this year, by upstream code and dates."
    recordScopes: [RecordScope!]!
    "True when the figures come (partly) from other units' records, e.g. a merged unit's predecessors."
    rolledUp: Boolean!
    "Plans in force for this unit by the end of the year (the registry's view)."
    plans: PlanYearSummary
  }

  type PlanYearSummary {
    plans: [Plan!]!
    planCount: Int!
    source: Provenance!
  }

  "A digital-transformation plan held by the plan registry."
  type Plan @key(fields: "id") {
    id: ID!
    "Document symbol, e.g. 4949/KH-UBND."
    symbol: String!
    title: String
    issuer: String!
    "ISO date of issue."
    issuedOn: String!
    "Symbols of the documents the plan implements, e.g. 749/QĐ-TTg."
    legalBasis: [String!]!
    "The unit that issued it, as the unit was on the issue date."
    unit: AdministrativeUnit
    "Source document file in the registry."
    documentFile: String
  }

  type DataYears {
    first: Int!
    last: Int!
  }

  type Query {
    "The unit a code names on a date (today by default)."
    unit(code: String!, asOf: String): AdministrativeUnit
    "A unit by its identity (code@validFrom)."
    unitById(id: ID!): AdministrativeUnit
    "Units of a level in force on a date (today by default): 34 provinces since 1 July 2025, 63 before."
    units(level: UnitLevel = PROVINCE, asOf: String): [AdministrativeUnit!]!
    "The years the connected systems hold data for."
    dataYears: DataYears!
  }
`;
