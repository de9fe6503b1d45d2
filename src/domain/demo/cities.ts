/**
 * Cities the demo organisations are based in, with the names a reader of each language expects.
 * Archetypes (catalogue/) place each industry where it actually clusters: cells in Ningde,
 * Changzhou and Yibin, lithium salts in Yichun and Suining, e-rickshaws in Lahore and Multan,
 * farm implements in Daska, and so on.
 */

export type Country = 'PK' | 'CN';

export interface City {
  en: string;
  /** Chinese name, for Chinese cities (used in Chinese descriptions). */
  zh?: string;
  /** Urdu name, for Pakistani cities (used in Urdu descriptions). */
  ur?: string;
}

const PAKISTANI_CITIES: Record<string, string> = {
  Karachi: 'کراچی',
  Lahore: 'لاہور',
  Faisalabad: 'فیصل آباد',
  Islamabad: 'اسلام آباد',
  Rawalpindi: 'راولپنڈی',
  Sialkot: 'سیالکوٹ',
  Peshawar: 'پشاور',
  Multan: 'ملتان',
  Gujranwala: 'گوجرانوالہ',
  Quetta: 'کوئٹہ',
  Hyderabad: 'حیدرآباد',
  Sukkur: 'سکھر',
  Bahawalpur: 'بہاولپور',
  Sahiwal: 'ساہیوال',
  Okara: 'اوکاڑہ',
  Sargodha: 'سرگودھا',
  'Rahim Yar Khan': 'رحیم یار خان',
  Larkana: 'لاڑکانہ',
  Sheikhupura: 'شیخوپورہ',
  Gilgit: 'گلگت',
  Abbottabad: 'ایبٹ آباد',
  Daska: 'ڈسکہ',
  Jhelum: 'جہلم',
  Ghotki: 'گھوٹکی',
  Gwadar: 'گوادر',
  Nowshera: 'نوشہرہ',
  Khuzdar: 'خضدار',
  Kasur: 'قصور',
};

/**
 * Chinese cities: their Chinese name and the sea port their exporters usually quote, or null
 * for Xinjiang, whose trade with Pakistan goes by road over the Khunjerab Pass.
 */
const CHINESE_CITIES: Record<string, readonly [string, string | null]> = {
  Shenzhen: ['深圳', 'Shenzhen'],
  Ningde: ['宁德', 'Xiamen'],
  Changzhou: ['常州', 'Shanghai'],
  Hefei: ['合肥', 'Shanghai'],
  Shanghai: ['上海', 'Shanghai'],
  "Xi'an": ['西安', 'Qingdao'],
  Chengdu: ['成都', 'Shanghai'],
  Yibin: ['宜宾', 'Shanghai'],
  Wuxi: ['无锡', 'Shanghai'],
  Beijing: ['北京', 'Tianjin'],
  Tianjin: ['天津', 'Tianjin'],
  Guangzhou: ['广州', 'Shenzhen'],
  Zhengzhou: ['郑州', 'Qingdao'],
  Jinan: ['济南', 'Qingdao'],
  Changsha: ['长沙', 'Shenzhen'],
  Yichun: ['宜春', 'Xiamen'],
  Xinyu: ['新余', 'Xiamen'],
  Suining: ['遂宁', 'Shanghai'],
  Ganzhou: ['赣州', 'Shenzhen'],
  Xiangtan: ['湘潭', 'Shenzhen'],
  Guiyang: ['贵阳', 'Shenzhen'],
  Huzhou: ['湖州', 'Ningbo'],
  Jiujiang: ['九江', 'Shanghai'],
  Huizhou: ['惠州', 'Shenzhen'],
  Dongguan: ['东莞', 'Shenzhen'],
  Xiamen: ['厦门', 'Xiamen'],
  Jingmen: ['荆门', 'Shanghai'],
  Foshan: ['佛山', 'Shenzhen'],
  Xuzhou: ['徐州', 'Shanghai'],
  Taizhou: ['台州', 'Ningbo'],
  Jinhua: ['金华', 'Ningbo'],
  Chongqing: ['重庆', 'Shanghai'],
  Ningbo: ['宁波', 'Ningbo'],
  Hangzhou: ['杭州', 'Ningbo'],
  Xuchang: ['许昌', 'Qingdao'],
  Qingdao: ['青岛', 'Qingdao'],
  Baoding: ['保定', 'Tianjin'],
  Wenzhou: ['温州', 'Ningbo'],
  Shenyang: ['沈阳', 'Tianjin'],
  Leshan: ['乐山', 'Shanghai'],
  Baotou: ['包头', 'Qingdao'],
  Yinchuan: ['银川', 'Qingdao'],
  Yancheng: ['盐城', 'Shanghai'],
  Jiaxing: ['嘉兴', 'Ningbo'],
  Tangshan: ['唐山', 'Tianjin'],
  Lianyungang: ['连云港', 'Lianyungang'],
  Zibo: ['淄博', 'Qingdao'],
  Weifang: ['潍坊', 'Qingdao'],
  Nanjing: ['南京', 'Shanghai'],
  Quzhou: ['衢州', 'Ningbo'],
  Kunming: ['昆明', 'Shenzhen'],
  Yichang: ['宜昌', 'Shanghai'],
  Shijiazhuang: ['石家庄', 'Tianjin'],
  Luoyang: ['洛阳', 'Qingdao'],
  Harbin: ['哈尔滨', 'Tianjin'],
  Urumqi: ['乌鲁木齐', null],
  Kashgar: ['喀什', null],
  Wuhan: ['武汉', 'Shanghai'],
  Shihezi: ['石河子', null],
  Fuzhou: ['福州', 'Xiamen'],
};

/** The city as written in `language`, falling back to its English name. */
export function cityName(city: string, language: 'en' | 'zh' | 'ur'): string {
  if (language === 'zh') return CHINESE_CITIES[city]?.[0] ?? city;
  if (language === 'ur') return PAKISTANI_CITIES[city] ?? city;
  return city;
}

export function isKnownCity(country: Country, city: string): boolean {
  return country === 'PK' ? city in PAKISTANI_CITIES : city in CHINESE_CITIES;
}

/** The sea port goods from or to a Chinese city usually pass; null when they go by road. */
export function chinesePortOf(city: string): string | null {
  const entry = CHINESE_CITIES[city];
  return entry ? entry[1] : 'Shanghai';
}
