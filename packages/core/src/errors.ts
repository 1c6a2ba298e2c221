// Stable error codes shared by server and client, with the French message the UI shows.
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: 'Les données envoyées sont invalides.',
  MALFORMED_JSON: "Le corps de la requête n'est pas un JSON valide.",
  BODY_TOO_LARGE: 'La requête est trop volumineuse.',
  UNSUPPORTED_MEDIA_TYPE: "Le format de la requête n'est pas pris en charge.",
  NOT_FOUND: "L'élément demandé est introuvable.",
  ROUTE_NOT_FOUND: "Cette adresse n'existe pas.",
  UNAUTHENTICATED: 'Votre session a expiré : veuillez vous reconnecter.',
  FORBIDDEN: "Vous n'avez pas les droits nécessaires pour cette opération.",
  MEDICAL_FORBIDDEN: 'Le dossier médical est réservé aux professionnels de santé de votre organisation.',
  RATE_LIMITED: 'Trop de tentatives : veuillez patienter quelques minutes avant de réessayer.',
  INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect.',
  EMAIL_TAKEN: 'Un compte existe déjà avec cette adresse e-mail.',
  ID_TAKEN: 'Cet identifiant est déjà utilisé.',
  INVITATION_INVALID: "Ce lien d'invitation n'est plus valable.",
  MEMBER_NOT_PENDING: "Ce membre n'attend pas de confirmation.",
  MEMBER_NOT_ACTIVE: "Votre compte n'a pas encore été confirmé par un administrateur.",
  RECOVERY_INVALID: 'Code de secours ou adresse e-mail incorrects.',
  PROTOCOL_MISMATCH: "Cette version de l'application n'est plus compatible : veuillez la mettre à jour.",
  KEY_VERSION_UNKNOWN: 'La clé de chiffrement utilisée est inconnue.',
  ROTATION_OUTDATED: 'Les clés de chiffrement ont changé entre-temps : veuillez recharger la page puis recommencer.',
  MEDICAL_KEY_HELD:
    "Un professionnel de santé de l'organisation détient déjà la clé du dossier médical : votre accès s'ouvrira à sa prochaine connexion.",
  INTERNAL: 'Une erreur interne est survenue. Vos données locales sont conservées.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message: ERROR_MESSAGES[code] } : { code, message: ERROR_MESSAGES[code], details } };
}
