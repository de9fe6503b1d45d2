import type { Archetype, Product } from './types';
import { AGRICULTURE_ARCHETYPES } from './archetypes/agriculture';
import { BATTERY_CELL_ARCHETYPES } from './archetypes/battery-cells';
import { BATTERY_MATERIAL_ARCHETYPES } from './archetypes/battery-materials';
import { CHARGING_ARCHETYPES } from './archetypes/charging';
import { CHEMICAL_ARCHETYPES } from './archetypes/chemicals';
import { EV_ARCHETYPES } from './archetypes/ev';
import { SOLAR_ARCHETYPES } from './archetypes/solar';
import { AGRICULTURE_PRODUCTS } from './products/agriculture';
import { BATTERY_CELL_PRODUCTS } from './products/battery-cells';
import { BATTERY_MATERIAL_PRODUCTS } from './products/battery-materials';
import { CHARGING_PRODUCTS } from './products/charging';
import { CHEMICAL_PRODUCTS } from './products/chemicals';
import { EV_PRODUCTS } from './products/ev';
import { SOLAR_PRODUCTS } from './products/solar';

export type { Archetype, DescriptionFragments, Product } from './types';

export const PRODUCTS: readonly Product[] = [
  ...BATTERY_MATERIAL_PRODUCTS,
  ...BATTERY_CELL_PRODUCTS,
  ...EV_PRODUCTS,
  ...CHARGING_PRODUCTS,
  ...SOLAR_PRODUCTS,
  ...CHEMICAL_PRODUCTS,
  ...AGRICULTURE_PRODUCTS,
];

export const ARCHETYPES: readonly Archetype[] = [
  ...BATTERY_MATERIAL_ARCHETYPES,
  ...BATTERY_CELL_ARCHETYPES,
  ...EV_ARCHETYPES,
  ...CHARGING_ARCHETYPES,
  ...SOLAR_ARCHETYPES,
  ...CHEMICAL_ARCHETYPES,
  ...AGRICULTURE_ARCHETYPES,
];

const PRODUCTS_BY_ID = new Map(PRODUCTS.map((p) => [p.id, p]));
const ARCHETYPES_BY_ID = new Map(ARCHETYPES.map((a) => [a.id, a]));

export function productById(id: string): Product {
  const product = PRODUCTS_BY_ID.get(id);
  if (!product) throw new Error(`unknown product ${id}`);
  return product;
}

export function archetypeById(id: string): Archetype {
  const archetype = ARCHETYPES_BY_ID.get(id);
  if (!archetype) throw new Error(`unknown archetype ${id}`);
  return archetype;
}

/**
 * How much the other country wants each product: the summed weight of foreign archetypes that
 * request it (for an offer) or offer it (for a request). An item with weight 0 cannot lead to a
 * cross-border meeting; a small weight means few possible partners.
 */
function demandAbroad(side: 'offers' | 'requests'): Record<'PK' | 'CN', Map<string, number>> {
  const other = side === 'offers' ? 'requests' : 'offers';
  const result = { PK: new Map<string, number>(), CN: new Map<string, number>() };
  for (const archetype of ARCHETYPES) {
    const counterpart = result[archetype.country === 'PK' ? 'CN' : 'PK'];
    for (const id of archetype[other]) counterpart.set(id, (counterpart.get(id) ?? 0) + archetype.weight);
  }
  return result;
}

/** For an organisation of a country: how much foreign organisations want each of its offers. */
export const OFFER_DEMAND_ABROAD = demandAbroad('offers');
/** For an organisation of a country: how much foreign supply there is for each of its requests. */
export const REQUEST_SUPPLY_ABROAD = demandAbroad('requests');
