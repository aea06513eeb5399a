/**
 * Official province code → the portal's internal province id. The portal keys provinces by its own
 * ids, not by the NSO code; only An Giang's "398126" was observed (upstream-systems.md §B.5), the
 * rest are the simulator's deterministic inventions and must be replaced by the real portal's list
 * when one is connected. A merged province files under the code in force, so the id follows the code.
 */
export const PORTAL_ID_BY_CODE: Readonly<Record<string, string>> = {
  '01': '397900', '02': '390757', '04': '405043', '06': '400281', '08': '396471', '10': '402710',
  '11': '400329', '12': '407472', '14': '393186', '15': '390805', '17': '395567', '19': '401281',
  '20': '405773', '22': '390535', '24': '395297', '25': '397678', '26': '400059', '27': '402440',
  '30': '392964', '31': '390583', '33': '405821', '34': '402488', '35': '400107', '36': '397726',
  '37': '395345', '38': '392012', '40': '400155', '42': '395393', '44': '390631', '45': '393012',
  '46': '405869', '48': '399203', '49': '401584', '51': '404965', '52': '392108', '54': '396870',
  '56': '401632', '58': '408298', '60': '399305', '62': '404067', '64': '409781', '66': '394543',
  '67': '396924', '68': '400257', '70': '406496', '72': '401734', '74': '396972', '75': '394591',
  '77': '409829', '79': '405067', '80': '397351', '82': '392589', '83': '394970', '84': '406875',
  '86': '402113', '87': '404494', '89': '398126', '91': '402161', '92': '409304', '93': '406923',
  '94': '395018', '95': '392637', '96': '399780',
};

/** Portal id → official code, for translating answers back. */
export const CODE_BY_PORTAL_ID: ReadonlyMap<string, string> = new Map(Object.entries(PORTAL_ID_BY_CODE).map(([code, id]) => [id, code]));
