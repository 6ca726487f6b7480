/** 简体中文界面文字（两部分合一，见 `en.ts`）。 */
import { joinCatalogue, type Catalogue } from './en';
import { zhHansCore } from './zh-Hans.core';
import { zhHansMore } from './zh-Hans.more';

export const zhHans: Catalogue = joinCatalogue(zhHansCore, zhHansMore);
