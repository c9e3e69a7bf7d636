// Converts a KML document into a GeoJSON FeatureCollection: placemarks with Point, LineString, Polygon and
// MultiGeometry, their name and description, and ExtendedData values as properties. Styles are ignored.
(function (global) {
    'use strict';

    function childrenByName(node, name) {
        return Array.prototype.filter.call(node.childNodes, function (child) {
            return child.nodeType === 1 && child.localName === name;
        });
    }

    function firstText(node, name) {
        var found = node.getElementsByTagNameNS('*', name)[0];
        return found ? found.textContent.trim() : null;
    }

    function parseCoordinates(text) {
        return text.trim().split(/\s+/).filter(Boolean).map(function (tuple) {
            return tuple.split(',').slice(0, 2).map(Number);
        });
    }

    function ringOf(boundary) {
        var coordinates = boundary.getElementsByTagNameNS('*', 'coordinates')[0];
        return coordinates ? parseCoordinates(coordinates.textContent) : [];
    }

    function geometryOf(node) {
        var coordinates;
        switch (node.localName) {
            case 'Point':
                coordinates = parseCoordinates(firstText(node, 'coordinates') || '');
                return coordinates.length ? { type: 'Point', coordinates: coordinates[0] } : null;
            case 'LineString':
                return { type: 'LineString', coordinates: parseCoordinates(firstText(node, 'coordinates') || '') };
            case 'Polygon':
                var rings = childrenByName(node, 'outerBoundaryIs').map(ringOf)
                    .concat(childrenByName(node, 'innerBoundaryIs').map(ringOf));
                return { type: 'Polygon', coordinates: rings };
            case 'MultiGeometry':
                var parts = Array.prototype.map.call(node.children, geometryOf).filter(Boolean);
                return { type: 'GeometryCollection', geometries: parts };
            default:
                return null;
        }
    }

    function propertiesOf(placemark) {
        var properties = {};
        var name = childrenByName(placemark, 'name')[0];
        var description = childrenByName(placemark, 'description')[0];
        if (name) { properties.name = name.textContent.trim(); }
        if (description) { properties.description = description.textContent.trim(); }
        Array.prototype.forEach.call(placemark.getElementsByTagNameNS('*', 'Data'), function (data) {
            properties[data.getAttribute('name')] = firstText(data, 'value');
        });
        return properties;
    }

    function kmlToGeoJson(text) {
        var document = new DOMParser().parseFromString(text, 'application/xml');
        if (document.getElementsByTagName('parsererror').length) {
            throw new Error('The KML file is not well-formed XML.');
        }

        var features = [];
        Array.prototype.forEach.call(document.getElementsByTagNameNS('*', 'Placemark'), function (placemark) {
            var geometry = null;
            Array.prototype.some.call(placemark.children, function (child) {
                geometry = geometryOf(child);
                return geometry !== null;
            });
            if (geometry) {
                features.push({ type: 'Feature', geometry: geometry, properties: propertiesOf(placemark) });
            }
        });
        return { type: 'FeatureCollection', features: features };
    }

    global.kmlToGeoJson = kmlToGeoJson;
})(window);
