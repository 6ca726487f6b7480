/**
 * What a taxi driver is shown, in the place's language whatever the interface language. Read
 * at once, not loaded with a catalogue: the dialog shows it even while the reader's language is
 * another. Only the driver view's chunk carries it.
 */
import { zhHansMore } from './zh-Hans.more';

/** "Please take me to this address", in Chinese: the one place language there is. */
export const DRIVER_HINT = { lang: 'zh-Hans', text: zhHansMore.contacts.driverHint } as const;
