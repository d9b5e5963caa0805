/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "true": the build checks every API reply against its contract, as development does. */
  readonly VITE_KOMPASS_CONTRACT_CHECK?: string;
}
