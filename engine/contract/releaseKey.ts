// The release key this engine build trusts for the models it ships (docs/models.md#signed-models): the key
// id(s) of the targets role of the project's release channel. The root shipped beside the models must
// name no other key for that role, so a models folder signed under someone else's root (a copy pointed
// at by SAFE_EDGE_MODELS_DIR, say) is refused even though its signatures verify under its own root.
//
// The committed id is the DEVELOPMENT key's (release-keys/dev/targets.key.json, committed and therefore
// not secret). A real release build replaces it with the id of its offline release key
// (`safe-edge channel sign-models` prints it and says when the key is not this one).
export const RELEASE_TARGETS_KEY_IDS: readonly string[] = ['4c3a1ee1838f1f9e7bf14bcaced607fd7f517ca28a28a5d9da9d115583e92024'];
