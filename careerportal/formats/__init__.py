"""Number and date formats per language where Django has none (Tagalog) or where the portal
writes numbers otherwise (settings.FORMAT_MODULE_PATH; each module overrides only what it sets)."""
