// The TLDs that make a scheme-less domain a URL for X: a copy of
// services/editorial/src/relais_editorial/counting/tlds.json (the Docker build of the SPA sees only
// frontend/, so it cannot import that file); counting.test.ts checks the copy is equal.
export const GENERIC_TLDS: readonly string[] = [
  'academy', 'agency', 'aero', 'app', 'art', 'asia', 'bank', 'bio', 'biz', 'blog', 'build',
  'business', 'cab', 'cafe', 'camp', 'capital', 'career', 'careers', 'cat', 'center', 'chat',
  'city', 'cloud', 'club', 'coach', 'codes', 'coffee', 'college', 'com', 'community', 'company',
  'computer', 'consulting', 'coop', 'corsica', 'data', 'design', 'dev', 'digital', 'directory',
  'eco', 'education', 'email', 'energy', 'engineering', 'eus', 'events', 'expert', 'finance',
  'foundation', 'fun', 'gal', 'games', 'global', 'gmbh', 'gov', 'green', 'group', 'guide',
  'health', 'help', 'host', 'info', 'int', 'international', 'jobs', 'lat', 'legal', 'life', 'link',
  'live', 'london', 'ltd', 'management', 'marketing', 'media', 'mil', 'mobi', 'museum', 'name',
  'net', 'network', 'news', 'ngo', 'ninja', 'one', 'online', 'org', 'ong', 'page', 'paris',
  'partners', 'photo', 'photography', 'press', 'pro', 'quebec', 'research', 'school', 'science',
  'security', 'services', 'shop', 'site', 'social', 'software', 'solutions', 'space', 'store',
  'studio', 'swiss', 'systems', 'team', 'tech', 'technology', 'tel', 'today', 'tools', 'top',
  'travel', 'university', 'video', 'vip', 'wiki', 'work', 'works', 'world', 'xyz', 'zone',
];

export const COUNTRY_TLDS: readonly string[] = [
  '한국', '香港', '澳門', '新加坡', '台灣', '台湾', '中國', '中国', 'გე', 'ລາວ', 'ไทย', 'ලංකා', 'ഭാരതം', 'ಭಾರತ',
  'భారత్', 'சிங்கப்பூர்', 'இலங்கை', 'இந்தியா', 'ଭାରତ', 'ભારત', 'ਭਾਰਤ', 'ভাৰত', 'ভারত', 'বাংলা',
  'भारोत', 'भारतम्', 'भारत', 'ڀارت', 'پاکستان', 'موريتانيا', 'مليسيا', 'مصر', 'قطر', 'فلسطين',
  'عمان', 'عراق', 'سورية', 'سودان', 'تونس', 'بھارت', 'بارت', 'ایران', 'امارات', 'المغرب',
  'السعودية', 'الجزائر', 'البحرين', 'الاردن', 'հայ', 'қаз', 'укр', 'срб', 'рф', 'мон', 'мкд', 'ею',
  'бел', 'бг', 'ευ', 'ελ', 'zw', 'zm', 'za', 'yt', 'ye', 'ws', 'wf', 'vu', 'vn', 'vi', 'vg', 've',
  'vc', 'va', 'uz', 'uy', 'us', 'um', 'uk', 'ug', 'ua', 'tz', 'tw', 'tv', 'tt', 'tr', 'tp', 'to',
  'tn', 'tm', 'tl', 'tk', 'tj', 'th', 'tg', 'tf', 'td', 'tc', 'sz', 'sy', 'sx', 'sv', 'su', 'st',
  'ss', 'sr', 'so', 'sn', 'sm', 'sl', 'sk', 'sj', 'si', 'sh', 'sg', 'se', 'sd', 'sc', 'sb', 'sa',
  'rw', 'ru', 'rs', 'ro', 're', 'qa', 'py', 'pw', 'pt', 'ps', 'pr', 'pn', 'pm', 'pl', 'pk', 'ph',
  'pg', 'pf', 'pe', 'pa', 'om', 'nz', 'nu', 'nr', 'np', 'no', 'nl', 'ni', 'ng', 'nf', 'ne', 'nc',
  'na', 'mz', 'my', 'mx', 'mw', 'mv', 'mu', 'mt', 'ms', 'mr', 'mq', 'mp', 'mo', 'mn', 'mm', 'ml',
  'mk', 'mh', 'mg', 'mf', 'me', 'md', 'mc', 'ma', 'ly', 'lv', 'lu', 'lt', 'ls', 'lr', 'lk', 'li',
  'lc', 'lb', 'la', 'kz', 'ky', 'kw', 'kr', 'kp', 'kn', 'km', 'ki', 'kh', 'kg', 'ke', 'jp', 'jo',
  'jm', 'je', 'it', 'is', 'ir', 'iq', 'io', 'in', 'im', 'il', 'ie', 'id', 'hu', 'ht', 'hr', 'hn',
  'hm', 'hk', 'gy', 'gw', 'gu', 'gt', 'gs', 'gr', 'gq', 'gp', 'gn', 'gm', 'gl', 'gi', 'gh', 'gg',
  'gf', 'ge', 'gd', 'gb', 'ga', 'fr', 'fo', 'fm', 'fk', 'fj', 'fi', 'eu', 'et', 'es', 'er', 'eh',
  'eg', 'ee', 'ec', 'dz', 'do', 'dm', 'dk', 'dj', 'de', 'cz', 'cy', 'cx', 'cw', 'cv', 'cu', 'cr',
  'co', 'cn', 'cm', 'cl', 'ck', 'ci', 'ch', 'cg', 'cf', 'cd', 'cc', 'ca', 'bz', 'by', 'bw', 'bv',
  'bt', 'bs', 'br', 'bq', 'bo', 'bn', 'bm', 'bl', 'bj', 'bi', 'bh', 'bg', 'bf', 'be', 'bd', 'bb',
  'ba', 'az', 'ax', 'aw', 'au', 'at', 'as', 'ar', 'aq', 'ao', 'an', 'am', 'al', 'ai', 'ag', 'af',
  'ae', 'ad', 'ac',
];
