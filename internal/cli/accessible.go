package cli

import (
	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
)

func (a *app) runAccessible(cat *catalog.Catalog, lang catalog.Lang, dir string, resume *answers.File, resumePath string) error {
	return inputErr("accessible mode is not built yet; use konform plan --answers FILE")
}
