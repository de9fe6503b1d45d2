import type { Product } from '../types';

/**
 * Cells, packs, storage systems and the services around them: the downstream half of
 * reference/ev_battery_value_chain_edges.csv (cells → packs → EV assembly / stationary storage,
 * users → second life). Pakistan imports cells and assembles packs (FACTS: 0% duty on raw
 * materials, 12% on finished batteries), and its Battery Manufacturing Policy 2026–31 picks LFP
 * for the first local cell production, hence the joint-venture products.
 */
export const BATTERY_CELL_PRODUCTS: readonly Product[] = [
  {
    id: 'lfp_cells',
    title: 'LFP prismatic cells (100–314 Ah)',
    hsCodes: ['850760'],
    isicCodes: ['2720'],
    offer: [
      'LFP prismatic cells 100, 280 and 314 Ah, 6,000+ cycles, grade A with full test data.',
      'Storage and power LFP cells, UN38.3 and IEC 62619 certified, shipped by sea as DG cargo.',
    ],
    request: [
      'Need grade-A LFP prismatic cells (280/314 Ah) for storage systems, 2–10 MWh a month.',
      'Buying LFP cells with matched internal resistance and traceable batch data.',
    ],
    partnershipTypes: ['supply', 'distribution'],
  },
  {
    id: 'lfp_cells_2w',
    title: 'Cylindrical LFP cells for 2/3-wheeler packs',
    hsCodes: ['850760'],
    isicCodes: ['2720'],
    offer: ['32140 and 26650 cylindrical LFP cells for e-bike and e-rickshaw packs.'],
    request: ['Need cylindrical LFP cells (32140/26650) for 48 V and 60 V packs.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'naion_cells',
    title: 'Sodium-ion cells',
    hsCodes: ['850780'],
    isicCodes: ['2720'],
    offer: [
      'Sodium-ion cells, 140–160 Wh/kg, keep most of their capacity at −20 °C, no lithium or cobalt.',
      'Na-ion cylindrical and prismatic cells for 2-wheelers, start-stop and storage.',
    ],
    request: [
      'Interested in sodium-ion cells for e-bikes and telecom backup in hot and cold regions.',
      'Want to trial sodium-ion cells as a cheaper, safer alternative to LFP.',
    ],
    partnershipTypes: ['supply', 'technology_transfer'],
  },
  {
    id: 'nmc_cells',
    title: 'NMC cells (pouch and cylindrical)',
    hsCodes: ['850760'],
    isicCodes: ['2720'],
    offer: ['NMC 21700 and pouch cells around 250 Wh/kg for cars and premium e-bikes.'],
    request: ['Need high-energy NMC cells for lightweight e-motorcycle packs.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'ev_packs_2w3w',
    title: 'LFP battery packs 48 V / 60 V / 72 V for e-bikes and e-rickshaws',
    hsCodes: ['850760'],
    isicCodes: ['2720'],
    offer: [
      'LFP packs 48 V, 60 V and 72 V with smart BMS and IP67 casing, 2-year warranty.',
      'Swappable and fixed LFP packs for e-bikes, e-rickshaws and loaders, built to order.',
    ],
    request: [
      'Need LFP battery packs 48 V / 60 V (100–150 Ah) with BMS for e-rickshaws and loaders.',
      'Looking for reliable 60 V and 72 V LFP packs for e-bikes, 500–2,000 packs a month.',
    ],
    partnershipTypes: ['supply', 'technology_transfer'],
  },
  {
    id: 'ev_packs_heavy',
    title: 'Traction battery packs for cars, buses and trucks',
    hsCodes: ['850760', '850790'],
    isicCodes: ['2720', '2930'],
    offer: ['LFP traction packs and cell-to-pack modules for cars, buses and trucks.'],
    request: ['Need traction packs for locally assembled e-cars and buses.'],
    partnershipTypes: ['supply', 'technology_transfer'],
  },
  {
    id: 'bms',
    title: 'Battery management systems (BMS)',
    hsCodes: ['850790'],
    isicCodes: ['2610', '2720'],
    offer: ['Smart BMS 13S–24S with CAN and Bluetooth, active balancing.'],
    request: ['Need BMS boards (16S–24S, 100–200 A) with CAN for our packs.'],
    partnershipTypes: ['supply', 'technology_transfer'],
  },
  {
    id: 'home_storage',
    title: 'Home and telecom LFP batteries (51.2 V, 5–15 kWh)',
    hsCodes: ['850760'],
    isicCodes: ['2720'],
    offer: [
      'Wall-mounted and rack LFP batteries 5–15 kWh, compatible with common hybrid inverters.',
      '51.2 V rack batteries for homes, shops and telecom towers, 10-year warranty.',
    ],
    request: [
      'Need 51.2 V LFP home batteries (5–15 kWh) that work with the inverters our customers use.',
      'Buying rack LFP batteries for rooftop solar customers, 300–1,000 units a month.',
    ],
    partnershipTypes: ['supply', 'distribution'],
  },
  {
    id: 'bess_container',
    title: 'Containerised battery energy storage (BESS)',
    hsCodes: ['850760'],
    isicCodes: ['2720'],
    offer: ['20-ft BESS containers 1–5 MWh with PCS, EMS and liquid cooling.'],
    request: [
      'Need containerised BESS (1–5 MWh) for peak shaving and solar firming.',
      'Looking for storage to pair with fast chargers on weak grid connections.',
    ],
    partnershipTypes: ['supply', 'investment'],
  },
  {
    id: 'bess_integration_pk',
    title: 'BESS installation, commissioning and O&M in Pakistan',
    hsCodes: [],
    isicCodes: ['4321', '3320'],
    offer: ['Licensed engineers for installing, commissioning and maintaining storage across Pakistan.'],
    request: ['Looking for a Pakistani partner to install and maintain our storage systems.'],
    partnershipTypes: ['distribution', 'joint_venture'],
  },
  {
    id: 'pack_assembly_line',
    title: 'Battery pack assembly lines',
    hsCodes: ['847989'],
    isicCodes: ['2829'],
    offer: ['Cell sorting, laser welding and end-of-line testing equipment for pack assembly.'],
    request: ['Need semi-automatic pack lines (sorting, welding, EOL test) to move beyond hand assembly.'],
    partnershipTypes: ['supply', 'technology_transfer', 'training'],
  },
  {
    id: 'battery_training',
    title: 'Training for battery technicians',
    hsCodes: [],
    isicCodes: ['8549'],
    offer: [
      'Courses on pack assembly, BMS set-up, testing and safe handling, in English and Chinese.',
      'On-site and webinar training for engineers, with certificates.',
    ],
    request: [
      'Our technicians need training in pack design, welding and BMS programming.',
      'Looking for battery safety and quality training for our production staff.',
    ],
    partnershipTypes: ['training', 'technology_transfer'],
  },
  {
    id: 'local_pack_assembly',
    title: 'Local battery pack assembly in Pakistan',
    hsCodes: [],
    isicCodes: ['2720'],
    offer: ['An assembly floor and trained staff to build packs from imported cells.'],
    request: ['Looking for a Pakistani pack assembler to build packs from our cells locally.'],
    partnershipTypes: ['joint_venture', 'supply'],
  },
  {
    id: 'cell_plant_jv',
    title: 'Joint venture for LFP cell production in Pakistan',
    hsCodes: [],
    isicCodes: ['2720'],
    offer: [
      'Land in a special economic zone and a local partner for LFP cell production under the Battery Manufacturing Policy 2026–31.',
    ],
    request: [
      'Exploring an LFP cell or materials plant in Pakistan with a local partner.',
      'Looking for a Pakistani partner and site for battery production in a CPEC special economic zone.',
    ],
    partnershipTypes: ['joint_venture', 'investment', 'technology_transfer'],
  },
  {
    id: 'battery_distribution_pk',
    title: 'Battery distribution across Pakistan',
    hsCodes: [],
    isicCodes: ['4659'],
    offer: ['Dealers in 40+ cities selling batteries for UPS, solar and vehicles, with service points.'],
    request: ['Looking for a Pakistani distributor for our batteries.'],
    partnershipTypes: ['distribution'],
  },
  {
    id: 'second_life_storage',
    title: 'Second-life battery storage',
    hsCodes: ['850760'],
    isicCodes: ['2720'],
    offer: ['Repurposed EV packs as low-cost storage for telecom towers, farms and shops.'],
    request: ['Interested in low-cost second-life storage for backup power.'],
    partnershipTypes: ['supply'],
  },
];
