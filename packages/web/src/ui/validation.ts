export function validateEmail(email: string): string | undefined {
  const value = email.trim();
  if (!value) return 'Veuillez indiquer une adresse e-mail.';
  if (value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'Veuillez saisir une adresse e-mail valide, par exemple nom@exemple.fr.';
  return undefined;
}
