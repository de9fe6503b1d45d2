import type { Country } from './cities';
import type { SeededRandom } from './random';

/**
 * Fictional delegates: common given and family names recombined at random, so a name may look
 * familiar but points to no one. Chinese names are in pinyin, given name first as on business
 * cards for foreign partners. Family names lean regional in Pakistan (Pashtun names around
 * Peshawar, Baloch around Quetta, Sindhi around Karachi and Sukkur).
 */

const PAKISTANI_MEN = [
  'Ahmed', 'Ali', 'Bilal', 'Usman', 'Hamza', 'Imran', 'Kamran', 'Faisal', 'Tariq', 'Asif', 'Zubair', 'Adnan',
  'Farhan', 'Saad', 'Omer', 'Haris', 'Junaid', 'Waqas', 'Shahid', 'Naveed', 'Irfan', 'Khurram', 'Salman',
  'Fahad', 'Rizwan', 'Yasir', 'Nadeem', 'Sohail', 'Zeeshan', 'Aamir', 'Arslan', 'Danish', 'Atif', 'Ehsan',
  'Hassan', 'Murtaza', 'Shoaib', 'Talha', 'Umair', 'Waleed', 'Abdullah', 'Noman', 'Asad', 'Jawad',
];
const PAKISTANI_WOMEN = [
  'Ayesha', 'Fatima', 'Sana', 'Hina', 'Maryam', 'Zainab', 'Amna', 'Sadia', 'Rabia', 'Nida', 'Mehwish', 'Saima',
  'Farah', 'Kiran', 'Iqra', 'Sidra', 'Bushra', 'Uzma', 'Nadia', 'Sobia', 'Anum', 'Mahnoor', 'Hira', 'Asma',
];
const PAKISTANI_FAMILIES = [
  'Khan', 'Ahmed', 'Malik', 'Qureshi', 'Sheikh', 'Chaudhry', 'Butt', 'Raza', 'Siddiqui', 'Hussain', 'Shah',
  'Iqbal', 'Mirza', 'Baig', 'Abbasi', 'Awan', 'Javed', 'Rana', 'Bhatti', 'Aslam', 'Farooq', 'Hashmi', 'Rizvi',
  'Zaidi', 'Naqvi', 'Gillani', 'Cheema', 'Warraich', 'Sandhu', 'Janjua', 'Kazmi', 'Ansari', 'Lodhi', 'Niazi',
  'Sethi', 'Paracha', 'Anwar', 'Saleem', 'Akhtar', 'Mughal',
];
const PASHTUN_FAMILIES = ['Khattak', 'Afridi', 'Yousafzai', 'Durrani', 'Tareen', 'Mohmand', 'Khan', 'Orakzai'];
const BALOCH_FAMILIES = ['Baloch', 'Marri', 'Mengal', 'Rind', 'Jamali', 'Raisani', 'Kakar'];
const SINDHI_FAMILIES = ['Memon', 'Soomro', 'Jatoi', 'Shaikh', 'Abro', 'Mangi', 'Channa', 'Pirzada'];

const REGIONAL_FAMILIES: Record<string, readonly string[]> = {
  Peshawar: PASHTUN_FAMILIES,
  Nowshera: PASHTUN_FAMILIES,
  Abbottabad: PASHTUN_FAMILIES,
  Quetta: BALOCH_FAMILIES,
  Khuzdar: BALOCH_FAMILIES,
  Gwadar: BALOCH_FAMILIES,
  Karachi: SINDHI_FAMILIES,
  Hyderabad: SINDHI_FAMILIES,
  Sukkur: SINDHI_FAMILIES,
  Larkana: SINDHI_FAMILIES,
  Ghotki: SINDHI_FAMILIES,
};

const CHINESE_MEN = [
  'Wei', 'Jun', 'Lei', 'Yong', 'Jie', 'Tao', 'Ming', 'Chao', 'Qiang', 'Gang', 'Hao', 'Bo', 'Peng', 'Jianguo',
  'Jianhua', 'Zhiqiang', 'Haitao', 'Xiaodong', 'Guoqiang', 'Wenbin', 'Yifan', 'Zihao', 'Haoran', 'Junjie',
  'Kai', 'Liang', 'Hui', 'Zhenyu', 'Dawei', 'Xiaojun',
];
const CHINESE_WOMEN = [
  'Fang', 'Min', 'Jing', 'Li', 'Yan', 'Xiuying', 'Xiaoling', 'Haiyan', 'Hong', 'Ping', 'Yun', 'Lina', 'Ruoxi',
  'Yutong', 'Shuang', 'Xin', 'Mei', 'Qing', 'Wenjing', 'Jiayi',
];
const CHINESE_FAMILIES = [
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu',
  'Guo', 'He', 'Lin', 'Gao', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao',
  'Peng', 'Zeng', 'Xiao', 'Tian', 'Dong', 'Pan', 'Yuan', 'Cai', 'Jiang', 'Yu', 'Du',
];

/** The first delegate of an organisation is its most senior; the rest are specialists. */
const SENIOR_ROLES: Record<Country, readonly string[]> = {
  PK: ['Chief Executive Officer', 'Managing Director', 'Director', 'Chairman', 'General Manager', 'Founder and CEO'],
  CN: ['General Manager', 'Chairman', 'Vice President', 'Deputy General Manager', 'Director of International Business'],
};
const OTHER_ROLES: Record<Country, readonly string[]> = {
  PK: [
    'Head of Procurement', 'Business Development Manager', 'Technical Director', 'Plant Manager',
    'Sourcing Manager', 'Head of Sales', 'Engineering Manager', 'Project Manager', 'Finance Director',
    'Supply Chain Manager', 'Operations Manager', 'Head of Imports',
  ],
  CN: [
    'Overseas Sales Manager', 'International Business Manager', 'Chief Engineer', 'Sales Director, South Asia',
    'Technical Support Engineer', 'Export Manager', 'R&D Director', 'Marketing Manager', 'Key Account Manager',
    'Business Coordinator and Interpreter', 'After-Sales Service Manager',
  ],
};

export interface PersonName {
  firstName: string;
  lastName: string;
}

export function personName(rng: SeededRandom, country: Country, city: string): PersonName {
  if (country === 'CN') {
    const woman = rng.chance(0.35);
    return { firstName: rng.pick(woman ? CHINESE_WOMEN : CHINESE_MEN), lastName: rng.pick(CHINESE_FAMILIES) };
  }
  const woman = rng.chance(0.2);
  const regional = REGIONAL_FAMILIES[city];
  const families = regional && rng.chance(0.5) ? regional : PAKISTANI_FAMILIES;
  return { firstName: rng.pick(woman ? PAKISTANI_WOMEN : PAKISTANI_MEN), lastName: rng.pick(families) };
}

/** Roles for a delegation of `count` people, without repeats. */
export function delegationRoles(rng: SeededRandom, country: Country, count: number): string[] {
  return [rng.pick(SENIOR_ROLES[country]), ...rng.sample(OTHER_ROLES[country], count - 1)];
}
