import type { UnitLevel } from './catalogue.ts';

const TO_GRAPHQL: Record<UnitLevel, string> = { province: 'PROVINCE', district: 'DISTRICT', commune: 'COMMUNE' };
const FROM_GRAPHQL: Record<string, UnitLevel> = { PROVINCE: 'province', DISTRICT: 'district', COMMUNE: 'commune' };

/** Domain level → GraphQL enum value. */
export function toGraphQLLevel(level: UnitLevel): string {
  return TO_GRAPHQL[level];
}

/** GraphQL enum value → domain level (GraphQL has already validated the value). */
export function fromGraphQLLevel(value: string): UnitLevel {
  return FROM_GRAPHQL[value] ?? 'province';
}
