/** "1.2, 3.4 5.1" → ["1.2", "3.4", "5.1"] (what the evaluator typed; the server checks they exist). */
export const parseSubareas = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
