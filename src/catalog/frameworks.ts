import { validateFramework, type FrameworkDef } from '../domain/framework.ts';
import { FRAMEWORK_2010 } from './framework-2010.ts';
import { FRAMEWORK_2020 } from './framework-2020.ts';
import { catalogTranslations } from './framework-translations.ts';

/** Framework versions shipped with kompass, with their unofficial title translations. Validated at load: a broken catalog stops start-up. */
export const CATALOG_FRAMEWORKS: readonly FrameworkDef[] = [FRAMEWORK_2010, FRAMEWORK_2020].map((fw) => ({ ...fw, translations: catalogTranslations(fw.id) }));

for (const fw of CATALOG_FRAMEWORKS) {
  const issues = validateFramework(fw);
  if (issues.length > 0) {
    throw new Error(`Ramverket ${fw.id} är ogiltigt: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}
