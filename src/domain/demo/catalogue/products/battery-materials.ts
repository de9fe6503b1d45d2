import type { Product } from '../types';

/**
 * Minerals, refined salts, electrode materials, cell components and recycling flows: the
 * upstream half of reference/ev_battery_value_chain_edges.csv (mining → refining → cathode /
 * anode materials → cells, and recycling → refining).
 */
export const BATTERY_MATERIAL_PRODUCTS: readonly Product[] = [
  {
    id: 'lithium_ore',
    title: 'Lithium pegmatite ore and spodumene concentrate',
    // 2530.90 is the common declaration for spodumene (UNVERIFIED in the reference subset).
    hsCodes: ['253090'],
    isicCodes: ['0729'],
    offer: [
      'Lithium-bearing pegmatite from the northern areas; trial lots at 1–1.5% Li2O, concentrate to SC6 once the beneficiation plant runs.',
      'Crushed and hand-sorted spodumene ore with assay reports; looking for an offtaker who can co-fund the concentrator.',
    ],
    request: [
      'We convert spodumene and lepidolite to lithium carbonate and want long-term ore or SC6 concentrate supply.',
      'Looking for lithium ore offtake agreements; we can prepay or fund exploration and beneficiation.',
    ],
    partnershipTypes: ['supply', 'investment'],
  },
  {
    id: 'graphite_ore',
    title: 'Natural flake graphite',
    hsCodes: ['250410'],
    isicCodes: ['0899'],
    offer: [
      'Flake graphite concentrate, 90–94% fixed carbon, mesh sizes on request.',
      'Graphite from our leases, washed and flotation-concentrated; samples and assay available.',
    ],
    request: [
      'Buying flake graphite concentrate (≥94% C) as feed for spherical graphite.',
      'Need natural graphite feedstock for our anode lines; open to long-term contracts.',
    ],
    partnershipTypes: ['supply'],
  },
  {
    id: 'manganese_ore',
    title: 'Manganese ore',
    hsCodes: ['260200'],
    isicCodes: ['0729'],
    offer: [
      'Manganese ore from Balochistan, 30–38% Mn, shipped via Karachi.',
      'Lumpy and fine manganese ore, monthly lots of 2,000–5,000 t.',
    ],
    request: [
      'Buying manganese ore for high-purity manganese sulphate (battery grade).',
      'Looking for steady manganese ore supply, ≥30% Mn, CIF Chinese ports.',
    ],
    partnershipTypes: ['supply'],
  },
  {
    id: 'phosphate_rock',
    title: 'Phosphate rock',
    hsCodes: ['251010'],
    isicCodes: ['0891'],
    offer: [
      'Phosphate rock from Hazara deposits, 24–28% P2O5, beneficiation under way.',
      'Ground phosphate rock for fertiliser and phosphoric acid plants.',
    ],
    request: [
      'Need phosphate rock (≥28% P2O5) for phosphoric acid and iron phosphate production.',
      'Buying phosphate rock for our DAP and SSP plants; long-term contracts preferred.',
    ],
    partnershipTypes: ['supply', 'investment'],
  },
  {
    id: 'chromite',
    title: 'Chromite ore',
    hsCodes: ['261000'],
    isicCodes: ['0729'],
    offer: [
      'Chromite lumps and concentrate from Muslim Bagh, 38–48% Cr2O3.',
      'Chromite concentrate, containerised, shipped from Karachi or Gwadar.',
    ],
    request: ['Buying chromite concentrate (≥40% Cr2O3) for ferrochrome and chromium salts.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'quartz',
    title: 'High-purity quartz and silica sand',
    hsCodes: ['250610'],
    isicCodes: ['0810'],
    offer: [
      'Vein quartz and silica sand with SiO2 above 99.5%; lab reports for each lot.',
      'Washed silica sand for glass and silicon metal, bulk or bagged.',
    ],
    request: [
      'Buying high-purity quartz as feed for silicon metal and crucibles.',
      'Looking for low-iron silica sand for solar glass.',
    ],
    partnershipTypes: ['supply'],
  },
  {
    id: 'rock_salt',
    title: 'Himalayan rock salt',
    hsCodes: ['250100'],
    isicCodes: ['0893'],
    offer: [
      'Pink and white rock salt from the Salt Range: edible, industrial and lamp grades.',
      'Rock salt in bulk or retail packs, private labels possible.',
    ],
    request: [
      'Importing Himalayan pink salt for retail chains and e-commerce in China.',
      'Need industrial rock salt as brine feed for soda ash and chlor-alkali.',
    ],
    partnershipTypes: ['supply', 'distribution'],
  },
  {
    id: 'beneficiation_tech',
    title: 'Mineral processing plants and know-how',
    hsCodes: [],
    isicCodes: ['0990', '7110'],
    offer: [
      'Design, equipment and commissioning of concentrators for lithium, graphite and manganese ores.',
      'Process testwork and turnkey beneficiation plants; we can also invest against offtake.',
    ],
    request: [
      'Looking for a partner to build a concentrator and fund exploration in exchange for offtake.',
      'Need process testwork and a small beneficiation plant for our ore.',
    ],
    partnershipTypes: ['technology_transfer', 'investment', 'joint_venture'],
  },
  {
    id: 'lithium_carbonate',
    title: 'Battery-grade lithium carbonate',
    hsCodes: ['283691'],
    isicCodes: ['2011'],
    offer: [
      'Battery-grade Li2CO3 (≥99.5%), monthly contracts or spot.',
      'Lithium carbonate from spodumene and lepidolite, battery and technical grade.',
    ],
    request: [
      'Buying battery-grade lithium carbonate for LFP cathode, 100–500 t a month.',
      'Need lithium carbonate on a price formula linked to published indices.',
    ],
    partnershipTypes: ['supply'],
  },
  {
    id: 'lithium_hydroxide',
    title: 'Lithium hydroxide monohydrate',
    hsCodes: ['282520'],
    isicCodes: ['2011'],
    offer: ['Battery-grade LiOH·H2O for high-nickel cathodes, ISO 9001 plants.'],
    request: ['Buying battery-grade lithium hydroxide for NMC cathode.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'iron_phosphate',
    title: 'Battery-grade iron phosphate (FePO4)',
    hsCodes: ['283539'],
    isicCodes: ['2011'],
    offer: [
      'Anhydrous iron phosphate precursor for LFP, 50,000 t a year.',
      'FePO4 precursor with low sulphur and consistent particle size.',
    ],
    request: ['Need iron phosphate precursor for our LFP cathode lines.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'ncm_sulphates',
    title: 'Nickel, cobalt and manganese sulphates',
    hsCodes: ['283324', '283329', '282200'],
    isicCodes: ['2011', '2420'],
    offer: [
      'Battery-grade nickel, cobalt and manganese sulphates and cobalt oxide.',
      'High-purity manganese sulphate and nickel sulphate, also from recycled feed.',
    ],
    request: ['Buying nickel, cobalt and manganese sulphates for NMC precursor.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'lfp_cathode',
    title: 'LFP cathode powder (battery grade)',
    // LFP powder is often declared under 2842.90 (UNVERIFIED in the reference edges file).
    hsCodes: ['284290'],
    isicCodes: ['2029'],
    offer: [
      'LFP cathode powder for power and storage cells, compaction density 2.5–2.6 g/cm³.',
      'High-compaction LFP and LMFP cathode material, 60,000 t a year.',
    ],
    request: [
      'Need LFP cathode powder for prismatic storage cells.',
      'Buying LFP cathode material; qualification samples of 50 kg first.',
    ],
    partnershipTypes: ['supply', 'technology_transfer'],
  },
  {
    id: 'nmc_cathode',
    title: 'NMC cathode material',
    hsCodes: ['284190'],
    isicCodes: ['2029'],
    offer: ['NMC 523, 622 and 811 cathode materials, single-crystal and polycrystalline.'],
    request: ['Need NMC 622/811 cathode material for pouch cells.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'naion_cathode',
    title: 'Sodium-ion cathode materials',
    hsCodes: ['284190', '283720'],
    isicCodes: ['2029'],
    offer: [
      'Layered-oxide and Prussian-white cathode materials for sodium-ion cells.',
      'Polyanion (NFPP) cathode for long-life sodium-ion storage cells.',
    ],
    request: ['Need layered-oxide or polyanion cathode material for sodium-ion cells.'],
    partnershipTypes: ['supply', 'technology_transfer'],
  },
  {
    id: 'graphite_anode',
    title: 'Artificial graphite anode material',
    hsCodes: ['380110'],
    isicCodes: ['2399'],
    offer: ['Artificial and spherical natural graphite anode, 340–360 mAh/g.'],
    request: ['Need graphite anode material for LFP and NMC cells.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'hard_carbon',
    title: 'Hard carbon anode for sodium-ion cells',
    hsCodes: ['380190'],
    isicCodes: ['2029'],
    offer: ['Biomass-derived hard carbon, 300+ mAh/g, for sodium-ion cells.'],
    request: ['Need hard carbon anode material for our sodium-ion cell line.'],
    partnershipTypes: ['supply', 'technology_transfer'],
  },
  {
    id: 'electrolyte',
    title: 'Electrolyte for lithium-ion and sodium-ion cells',
    hsCodes: ['382499'],
    isicCodes: ['2029'],
    offer: ['LiPF6- and NaPF6-based electrolytes, formulated to the cell maker’s spec.'],
    request: ['Need electrolyte for LFP and sodium-ion cells, delivered in ISO tanks.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'separator',
    title: 'Separator film (wet-process PE, ceramic-coated)',
    hsCodes: ['392010'],
    isicCodes: ['2220'],
    offer: ['Wet-process PE separator, 9–16 µm, ceramic and PVDF coatings.'],
    request: ['Need coated separator film for prismatic cells.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'foils',
    title: 'Copper and aluminium foil for electrodes',
    hsCodes: ['741011', '760711'],
    isicCodes: ['2420'],
    offer: ['Electrodeposited copper foil (6–8 µm) and battery aluminium foil.'],
    request: ['Need copper and aluminium current-collector foil.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'spent_batteries',
    title: 'Spent lithium-ion batteries and production scrap',
    hsCodes: ['854919'],
    isicCodes: ['3812'],
    offer: [
      'End-of-life packs from e-bikes, e-rickshaws and telecom sites, collected and sorted.',
      'Spent Li-ion batteries, tested and discharged, in monthly lots.',
    ],
    request: [
      'Buying spent lithium-ion batteries and cell scrap, any chemistry.',
      'Need a steady feed of end-of-life packs for our recycling line.',
    ],
    partnershipTypes: ['supply'],
  },
  {
    id: 'spent_lead_acid',
    title: 'Spent lead-acid batteries',
    hsCodes: ['854911'],
    isicCodes: ['3812'],
    offer: ['Spent lead-acid batteries from our dealer network, collected monthly.'],
    request: ['Buying spent lead-acid batteries for licensed smelting.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'black_mass',
    title: 'Black mass from shredded lithium-ion batteries',
    // No dedicated HS line; declared with battery waste 8549.19 here (UNVERIFIED).
    hsCodes: ['854919'],
    isicCodes: ['3830'],
    offer: ['LFP and NMC black mass from mechanical shredding, assayed per lot.'],
    request: ['Buying NMC and LFP black mass for hydrometallurgical recovery.'],
    partnershipTypes: ['supply'],
  },
  {
    id: 'recycling_tech',
    title: 'Battery recycling lines and hydrometallurgy know-how',
    hsCodes: ['847989'],
    isicCodes: ['2829', '3830'],
    offer: [
      'Discharge, shredding and black-mass lines from 1,000 t a year; hydrometallurgy licences.',
      'Turnkey recycling plants with operator training and EHS design.',
    ],
    request: [
      'Looking for a recycling technology partner: shredding first, hydrometallurgy later.',
      'Need a safe discharge-and-shred line and help meeting the coming recycling standards.',
    ],
    partnershipTypes: ['technology_transfer', 'joint_venture', 'training'],
  },
];
