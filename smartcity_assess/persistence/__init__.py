"""Rows and the store API. The only package that talks SQL; never imports Qt."""
