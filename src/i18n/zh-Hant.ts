/** 繁體中文介面文字（兩部分合一，見 `en.ts`）。 */
import { joinCatalogue, type Catalogue } from './en';
import { zhHantCore } from './zh-Hant.core';
import { zhHantMore } from './zh-Hant.more';

export const zhHant: Catalogue = joinCatalogue(zhHantCore, zhHantMore);
